// What every framework app of test/frameworks serves: the same routes, the same rules, the same errors.
// Plain ESM importing the BUILT package (dist/), as an app installing it from npm would run it.

import jwt from 'jsonwebtoken';
import OpenAI from 'openai';
import {
  ExpectedError,
  expectedErrorsIntegration,
  markExpected,
  recommendedRules,
} from '../../../../dist/index.js';

/** The app's own rule: a state its team knows is expected. */
export const customRule = {
  id: 'tenant-maintenance',
  kind: 'maintenance',
  action: 'drop',
  any: ['tenant is in maintenance'],
};

/**
 * The integration as an app adds it. `onDecision` prints each decision as a `decision {...}` stdout line
 * (rule, action, the messages and mechanisms of the decided event): the test's proof that the framework
 * did capture the error and the integration decided it, rather than nothing being captured at all.
 */
export function expectedErrors() {
  return expectedErrorsIntegration({
    rules: [...recommendedRules(), customRule],
    onDecision: ({ rule, action, event }) => {
      const values = event.exception?.values ?? [];
      const line = {
        rule,
        action,
        messages: values.map((value) => value.value),
        mechanisms: values.map(
          (value) => value.mechanism && { type: value.mechanism.type, handled: value.mechanism.handled },
        ),
      };
      process.stdout.write(`decision ${JSON.stringify(line)}\n`);
    },
  });
}

/** An expired jsonwebtoken session: `jwt.verify` throws TokenExpiredError ("jwt expired"). */
function expiredJwt() {
  const token = jwt.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) - 60 }, 'secret');
  jwt.verify(token, 'secret');
}

/** A provider's 429, as the OpenAI SDK throws it, wrapped by the app as the cause of its own error. */
function rateLimited() {
  const rateLimit = new OpenAI.RateLimitError(
    429,
    {
      message:
        'Rate limit reached for gpt-4o-mini in organization org-app on tokens per min (TPM): Limit 200000, Used 199000, Requested 4412. Please try again in 84ms.',
      type: 'tokens',
      code: 'rate_limit_exceeded',
    },
    undefined,
    new Headers({ 'x-request-id': 'req_frameworks' }),
  );
  throw new Error('Summarizing the thread failed', { cause: rateLimit });
}

/**
 * Routes whose error is an expected state: none of their messages may reach Sentry (every exception
 * value of an event is searched, causes included).
 */
export const EXPECTED_ROUTES = {
  'jwt-expired': { run: expiredJwt, message: 'jwt expired' },
  'session-expired': {
    run: () => {
      throw new Error('Session expired');
    },
    message: 'Session expired',
  },
  'rate-limited': { run: rateLimited, message: 'Summarizing the thread failed' },
  typed: {
    run: () => {
      throw new ExpectedError('payment_declined', 'Card declined by the issuer');
    },
    message: 'Card declined by the issuer',
  },
  marked: {
    run: () => {
      throw markExpected(new Error('Search index is rebuilding'), 'index_rebuilding');
    },
    message: 'Search index is rebuilding',
  },
  custom: {
    run: () => {
      throw new Error('tenant is in maintenance until 04:00 UTC');
    },
    message: 'tenant is in maintenance until 04:00 UTC',
  },
};

/** A real bug: reading a property of undefined. Its message is what the test counts. */
export function bug() {
  const session = undefined;
  return session.user;
}
export const BUG_MESSAGE = "Cannot read properties of undefined (reading 'user')";

/** The message of the process-level crash: expected words, yet a crash must still be sent. */
export const CRASH_MESSAGE = 'Session expired while refreshing in the background';

/** Leaves an error carrying an expected message uncaught: Sentry's handler captures it, the process exits. */
export function crashLater() {
  setTimeout(() => {
    throw new Error(CRASH_MESSAGE);
  }, 20);
}

/** A second bug, captured by the app and then rethrown to the framework: it must arrive once. */
export const DOUBLE_BUG_MESSAGE = "Cannot read properties of null (reading 'plan')";
/** An expected error captured by the app and then rethrown to the framework: it must arrive zero times. */
export const DOUBLE_EXPECTED_MESSAGE = 'Session expired (captured twice)';

export function doubleCaptured(Sentry, which) {
  const error = which === 'bug' ? new TypeError(DOUBLE_BUG_MESSAGE) : new Error(DOUBLE_EXPECTED_MESSAGE);
  Sentry.captureException(error);
  throw error;
}

/** Odd events an app or another integration can send: no mechanism, an unknown mechanism type. */
export const ODD_BUG_MESSAGES = [
  'Invariant failed: ledger out of balance (no mechanism)',
  'Invariant failed: ledger out of balance (unknown mechanism)',
];
export const ODD_EXPECTED_MESSAGES = [
  'Session expired (no mechanism)',
  'Session expired (unknown mechanism)',
];

export function oddEvents(Sentry) {
  for (const [index, message] of [ODD_EXPECTED_MESSAGES[0], ODD_BUG_MESSAGES[0]].entries()) {
    Sentry.captureEvent({
      level: 'error',
      exception: { values: [{ type: index === 0 ? 'Error' : 'InvariantError', value: message }] },
    });
  }
  for (const message of [ODD_EXPECTED_MESSAGES[1], ODD_BUG_MESSAGES[1]]) {
    Sentry.captureException(new Error(message), {
      mechanism: { type: 'auto.framework.never_heard_of', handled: false },
    });
  }
}
