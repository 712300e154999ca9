// Hono on Node (@hono/node-server) with @sentry/node: instrument file first (--import); the SDK's
// `honoIntegration` (a default) instruments Hono, and `Sentry.honoMiddleware(app)`, registered first,
// is what @sentry/node documents where its runtime hook is not loaded (safe to combine: deduplicated).
import { serve } from '@hono/node-server';
import * as Sentry from '@sentry/node';
import { Hono } from 'hono';
import * as scenario from '../shared/scenario.mjs';

const app = new Hono();
app.use(Sentry.honoMiddleware(app));

for (const [name, route] of Object.entries(scenario.EXPECTED_ROUTES)) {
  app.get(`/expected/${name}`, () => route.run());
}
app.get('/bug', (context) => context.json(scenario.bug()));
app.get('/double/:which', (context) => scenario.doubleCaptured(Sentry, context.req.param('which')));
app.get('/odd', (context) => {
  scenario.oddEvents(Sentry);
  return context.text('ok');
});
app.get('/crash', (context) => {
  scenario.crashLater();
  return context.text('crashing', 202);
});
app.get('/flush', async (context) => {
  await Sentry.flush(5_000);
  return context.text('flushed');
});

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`listening ${info.port}`);
});
