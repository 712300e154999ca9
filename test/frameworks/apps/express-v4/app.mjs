// Express 4 as Sentry's Express guide sets it up: instrument file first (--import), routes, then
// `Sentry.setupExpressErrorHandler(app)` after every route and before any other error middleware.
import { once } from 'node:events';
import * as Sentry from '@sentry/node';
import express from 'express-v4';
import * as scenario from '../shared/scenario.mjs';

const app = express();

for (const [name, route] of Object.entries(scenario.EXPECTED_ROUTES)) {
  app.get(`/expected/${name}`, () => route.run());
}
app.get('/bug', (_request, response) => response.json(scenario.bug()));
app.get('/double/:which', (request) => scenario.doubleCaptured(Sentry, request.params.which));
app.get('/odd', (_request, response) => {
  scenario.oddEvents(Sentry);
  response.send('ok');
});
app.get('/crash', (_request, response) => {
  scenario.crashLater();
  response.status(202).send('crashing');
});
app.get('/flush', async (_request, response) => {
  await Sentry.flush(5_000);
  response.send('flushed');
});

Sentry.setupExpressErrorHandler(app);

// The app's own error handler after Sentry's, as the guide shows.
app.use((_error, _request, response, _next) => {
  response.status(500).send('error');
});

const server = app.listen(0, '127.0.0.1');
await once(server, 'listening');
console.log(`listening ${server.address().port}`);
