import Stripe from 'stripe';
import { CLOSED_PORT, type Loopback } from './loopback.js';
import {
  decisionFields,
  demotedOnDevice,
  demotes,
  guarded,
  type LibraryDecision,
  type LibraryScenario,
  passes,
  type SplitDecision,
  thrownBy,
} from './scenario.js';

/** A Stripe call for one scenario, and the API path it requests (the loopback answers there). */
interface Call {
  readonly path: (id: string) => string;
  readonly run: (stripe: Stripe, id: string) => unknown;
}
const retrieveCustomer: Call = {
  path: (id) => `/v1/customers/cus_${id}`,
  run: (stripe, id) => stripe.customers.retrieve(`cus_${id}`),
};
const confirmPayment: Call = {
  path: (id) => `/v1/payment_intents/pi_${id}/confirm`,
  run: (stripe, id) => stripe.paymentIntents.confirm(`pi_${id}`),
};
const createPayment: Call = {
  path: () => '/v1/payment_intents',
  run: (stripe) => stripe.paymentIntents.create({ amount: 'abc' as never, currency: 'usd' }),
};

/** Stripe's error envelope (docs.stripe.com/api/errors). */
const stripeError = (error: Record<string, unknown>) => ({ error });

function stripeScenario(
  name: string,
  expected: LibraryDecision | SplitDecision,
  status: number | undefined,
  body: unknown,
  call: Call = retrieveCustomer,
): LibraryScenario {
  return {
    library: 'stripe',
    name,
    ...decisionFields(expected),
    run: (loopback: Loopback) => {
      const id = name.replace(/-/g, '_');
      if (status !== undefined)
        loopback.answer(call.path(id), { status, body, headers: { 'request-id': 'req_corpus' } });
      const port = status === undefined ? CLOSED_PORT : Number(new URL(loopback.origin).port);
      const stripe = new Stripe('sk_test_corpus000000000000000000', {
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      return thrownBy(() => call.run(stripe, id));
    },
  };
}

/** Stripe: a rejected key reports, rate limits and card declines do not page. */
export const stripeScenarios: readonly LibraryScenario[] = [
  stripeScenario(
    'authentication-error',
    guarded('provider_key_rejected'),
    401,
    stripeError({
      message: 'Invalid API Key provided: sk_test_********************0000',
      type: 'invalid_request_error',
    }),
  ),
  stripeScenario(
    'rate-limit',
    demotes('transient_upstream'),
    429,
    stripeError({
      code: 'rate_limit',
      message:
        'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      type: 'invalid_request_error',
    }),
  ),
  stripeScenario(
    'lock-timeout',
    demotes('transient_upstream'),
    429,
    stripeError({
      code: 'lock_timeout',
      message:
        'This object cannot be accessed right now because another API request or Stripe process is currently accessing it.',
      type: 'invalid_request_error',
    }),
  ),
  stripeScenario(
    'card-declined',
    demotes('card_declined'),
    402,
    stripeError({
      charge: 'ch_corpus',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      doc_url: 'https://stripe.com/docs/error-codes/card-declined',
      message: 'Your card has insufficient funds.',
      type: 'card_error',
    }),
    confirmPayment,
  ),
  stripeScenario(
    'resource-missing',
    passes,
    404,
    stripeError({
      code: 'resource_missing',
      doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
      message: "No such customer: 'cus_corpus'",
      param: 'id',
      type: 'invalid_request_error',
    }),
  ),
  stripeScenario(
    'parameter-invalid',
    passes,
    400,
    stripeError({
      code: 'parameter_invalid_integer',
      message: 'Invalid integer: abc',
      param: 'amount',
      type: 'invalid_request_error',
    }),
    createPayment,
  ),
  stripeScenario(
    'permission-error',
    guarded('permission_denied'),
    403,
    stripeError({
      message: 'The provided key does not have the required permissions for this endpoint.',
      type: 'invalid_request_error',
    }),
  ),
  stripeScenario(
    'api-error',
    demotes('transient_upstream'),
    500,
    stripeError({
      message: 'An unknown error occurred',
      type: 'api_error',
    }),
  ),
  stripeScenario('connection-error', demotedOnDevice('connection_failed'), undefined, undefined),
].map((scenario) =>
  scenario.name === 'api-error'
    ? {
        ...scenario,
        replay: {
          ...passes,
          why: 'Stripe keeps the 500 on the live error only; "An unknown error occurred" alone is not retryable',
        },
      }
    : scenario,
);
