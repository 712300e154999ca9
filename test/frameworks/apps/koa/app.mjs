// Koa as Sentry's Koa guide sets it up: instrument file first (--import), then
// `Sentry.setupKoaErrorHandler(app)` before the app's own middleware and routes.
import { once } from 'node:events';
import Router from '@koa/router';
import * as Sentry from '@sentry/node';
import Koa from 'koa';
import * as scenario from '../shared/scenario.mjs';

const app = new Koa();
// Koa logs every error a middleware leaves to it; the test reads stdout only, the noise is dropped.
app.silent = true;

Sentry.setupKoaErrorHandler(app);

const router = new Router();
for (const [name, route] of Object.entries(scenario.EXPECTED_ROUTES)) {
  router.get(`/expected/${name}`, () => route.run());
}
router.get('/bug', (context) => {
  context.body = scenario.bug();
});
router.get('/double/:which', (context) => scenario.doubleCaptured(Sentry, context.params.which));
router.get('/odd', (context) => {
  scenario.oddEvents(Sentry);
  context.body = 'ok';
});
router.get('/crash', (context) => {
  scenario.crashLater();
  context.status = 202;
  context.body = 'crashing';
});
router.get('/flush', async (context) => {
  await Sentry.flush(5_000);
  context.body = 'flushed';
});
app.use(router.routes());

const server = app.listen(0, '127.0.0.1');
await once(server, 'listening');
console.log(`listening ${server.address().port}`);
