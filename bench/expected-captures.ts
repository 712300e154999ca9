// Bench §6, second part: the CPU time of `Sentry.captureException` for an expected error, through
// @sentry/node (default integrations, a transport that discards), with the integration deciding it
// (`recommendedRules()`: demoted, a breadcrumb left) and with `eventFiltersIntegration` dropping it.
// Errors are made before the timer starts: jsonwebtoken's TokenExpiredError and the OpenAI SDK's 429, half
// each, as in the HTTP server bench (§11).
import { createTransport, eventFiltersIntegration } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { expectedErrorsIntegration, recommendedRules } from '../src/index.js';
import { expiredSessionError, providerRateLimitError } from './expected-errors.js';
import { IGNORED_ERRORS } from './http-modes.js';
import { alternate, ratios, type Spread, spreadOf } from './measure.js';

const CAPTURES = 2_000;
function expectedError(index: number): unknown {
  return index % 2 === 1 ? providerRateLimitError() : expiredSessionError();
}

export interface ExpectedCaptures {
  readonly captures: number;
  /** CPU µs per capture. */
  readonly integration: Spread;
  readonly eventFilters: Spread;
  /** Round by round, integration / eventFilters. */
  readonly ratio: Spread;
}

export async function measureExpectedCaptures(rounds: number): Promise<ExpectedCaptures> {
  await Sentry.close();
  const round = async (mode: 'integration' | 'eventFilters'): Promise<number> => {
    Sentry.init({
      dsn: 'http://public@127.0.0.1:9/1',
      transport: (options) => createTransport(options, async () => ({ statusCode: 200 })),
      integrations: [
        mode === 'integration'
          ? expectedErrorsIntegration({ rules: recommendedRules() })
          : eventFiltersIntegration({ ignoreErrors: [...IGNORED_ERRORS] }),
      ],
    });
    const errors = Array.from({ length: CAPTURES }, (_, index) => expectedError(index));
    const start = process.cpuUsage();
    // One request's scope, as a server gives each request.
    await Sentry.withIsolationScope(async () => {
      for (const error of errors) Sentry.captureException(error);
      await Sentry.flush(30_000);
    });
    const used = process.cpuUsage(start);
    await Sentry.close();
    return (used.user + used.system) / CAPTURES;
  };
  const values = await alternate(rounds, {
    integration: () => round('integration'),
    eventFilters: () => round('eventFilters'),
  });
  return {
    captures: CAPTURES,
    integration: spreadOf(values.integration),
    eventFilters: spreadOf(values.eventFilters),
    ratio: ratios(values.integration, values.eventFilters),
  };
}
