import { ExpectedError } from 'sentry-expected-errors';

/** The error the provider client throws, with the HTTP status (as the OpenAI and Anthropic SDKs do). */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Stands in for the app's backend and its LLM provider; `simulate` picks the answer, so the example and
 * its test can walk through each case without a network.
 */
export async function callBackend(prompt: string, simulate: unknown): Promise<string> {
  switch (simulate) {
    case 'session-expired':
      // The sidecar's own backend said 401: the user's session lapsed. Typed where it is known, so no
      // text rule is needed.
      throw new ExpectedError('session_expired', 'backend rejected session token on POST /v1/chat');
    case 'rate-limited':
      throw new ProviderError(
        'Anthropic API error (529): {"type":"overloaded_error","message":"Overloaded"}',
        529,
      );
    case 'bad-key':
      throw new ProviderError(
        'Anthropic API error (401): {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
        401,
      );
    case 'bug': {
      const history = new Map<string, string[]>();
      // A real bug: the history of a new conversation was never initialised.
      return (history.get('conversation-1') as string[]).join('\n');
    }
    default:
      return `echo: ${prompt}`;
  }
}
