// Fastify as Sentry's Fastify guide sets it up: instrument file first (--import), then
// `Sentry.setupFastifyErrorHandler(app)` before the routes.
import * as Sentry from '@sentry/node';
import Fastify from 'fastify';
import * as scenario from '../shared/scenario.mjs';

const app = Fastify();

Sentry.setupFastifyErrorHandler(app);

for (const [name, route] of Object.entries(scenario.EXPECTED_ROUTES)) {
  app.get(`/expected/${name}`, async () => route.run());
}
app.get('/bug', async () => scenario.bug());
app.get('/double/:which', async (request) => scenario.doubleCaptured(Sentry, request.params.which));
app.get('/odd', async () => {
  scenario.oddEvents(Sentry);
  return 'ok';
});
app.get('/crash', async (_request, reply) => {
  scenario.crashLater();
  reply.code(202);
  return 'crashing';
});
app.get('/flush', async () => {
  await Sentry.flush(5_000);
  return 'flushed';
});

await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${app.server.address().port}`);
