// Framework matrix: real servers of Express 4 and 5, Koa, Hono, Fastify and NestJS, each set up as
// Sentry's guide for it says, with the integration, sending to a loopback receiver (see matrix.ts).
// Next.js runs apart, in nextjs.test.ts (its build takes most of the time).
import { describeFramework } from './matrix.js';

const node = process.execPath;
const app = (framework: string) => `test/frameworks/apps/${framework}/app.mjs`;
const INSTRUMENT = 'test/frameworks/apps/shared/instrument.mjs';

for (const framework of ['express-v4', 'express-v5', 'koa', 'hono', 'fastify']) {
  describeFramework({
    name: framework,
    command: () => ({ file: node, args: ['--import', `./${INSTRUMENT}`, app(framework)] }),
    startTimeout: 15_000,
  });
}

describeFramework({
  name: 'nestjs',
  command: () => ({
    file: node,
    args: ['--import', './test/frameworks/apps/nestjs/instrument.mjs', app('nestjs')],
  }),
  startTimeout: 20_000,
});
