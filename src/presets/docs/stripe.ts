import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `stripeRules`, by rule id: only `checkRules` reads them. */
export const STRIPE_DOCS: BuiltInRuleDocs = {
  'stripe-authentication-error': {
    description:
      'StripeAuthenticationError (401): "Invalid API Key provided: sk_…", "Expired API Key provided"',
    examples: {
      match: [
        'Error: Invalid API Key provided: sk_test_********************0000',
        'Error: Expired API Key provided: rk_live_*********************1234',
      ],
      noMatch: ["Error: No such customer: 'cus_123'"],
    },
  },
  'stripe-permission-error': {
    description: 'StripePermissionError (403): a restricted key without the permission',
    examples: {
      match: ['Error: The provided key does not have the required permissions for this endpoint.'],
      noMatch: ['Error: Invalid integer: abc'],
    },
  },
  'stripe-rate-limit': {
    description:
      'StripeRateLimitError (429): rate_limit, and lock_timeout on an object another request holds',
    examples: {
      match: [
        'Error: Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
        'Error: This object cannot be accessed right now because another API request or Stripe process is currently accessing it.',
      ],
      noMatch: ['Error: Invalid API Key provided: sk_test_****'],
    },
  },
  'stripe-api-error': {
    description: 'StripeAPIError (5xx) "An unknown error occurred", when its status makes it retryable',
    examples: {
      match: [
        {
          text: 'Error: An unknown error occurred',
          status: 500,
          upstream: { type: 'server_error', retryable: true },
        },
      ],
      noMatch: [
        { text: 'Error: An unknown error occurred', upstream: { type: 'unknown', retryable: false } },
      ],
    },
  },
  'stripe-card-declined': {
    description: "StripeCardError (402) messages for a declined card: the customer's state, not a bug",
    examples: {
      match: ['Error: Your card has insufficient funds.', 'Error: Your card was declined.'],
      noMatch: ['Error: Invalid integer: abc'],
    },
  },
  'stripe-connection-error': {
    description:
      'StripeConnectionError: "An error occurred with our connection to Stripe." (the cause is kept in `detail`)',
    examples: {
      match: ['Error: An error occurred with our connection to Stripe. Request was retried 2 times.'],
      noMatch: ['Error: An unknown error occurred'],
    },
  },
};
