// NestJS as Sentry's NestJS guide sets it up: instrument file first (--import), `SentryModule.forRoot()`
// in the root module and `SentryGlobalFilter` as the global filter (APP_FILTER). Plain ESM: decorators
// are applied as the functions they are, since nothing here is compiled.
import 'reflect-metadata';
import { Controller, Get, HttpCode, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import * as Sentry from '@sentry/nestjs';
import { SentryGlobalFilter, SentryModule } from '@sentry/nestjs/setup';
import * as scenario from '../shared/scenario.mjs';

class AppController {}
const routes = {
  bug: ['bug', () => scenario.bug()],
  doubleBug: ['double/bug', () => scenario.doubleCaptured(Sentry, 'bug')],
  doubleExpected: ['double/expected', () => scenario.doubleCaptured(Sentry, 'expected')],
  odd: [
    'odd',
    () => {
      scenario.oddEvents(Sentry);
      return 'ok';
    },
  ],
  crash: [
    'crash',
    () => {
      scenario.crashLater();
      return 'crashing';
    },
    202,
  ],
  flush: [
    'flush',
    async () => {
      await Sentry.flush(5_000);
      return 'flushed';
    },
  ],
};
for (const [name, route] of Object.entries(scenario.EXPECTED_ROUTES)) {
  routes[`expected_${name}`] = [`expected/${name}`, () => route.run()];
}
for (const [key, [path, handler, status]] of Object.entries(routes)) {
  AppController.prototype[key] = handler;
  const descriptor = Object.getOwnPropertyDescriptor(AppController.prototype, key);
  Get(path)(AppController.prototype, key, descriptor);
  if (status !== undefined) HttpCode(status)(AppController.prototype, key, descriptor);
}
Controller()(AppController);

class AppModule {}
Module({
  imports: [SentryModule.forRoot()],
  controllers: [AppController],
  providers: [{ provide: APP_FILTER, useClass: SentryGlobalFilter }],
})(AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
await app.listen(0, '127.0.0.1');
console.log(`listening ${app.getHttpServer().address().port}`);
