// The expected errors the benches capture, made by the real libraries: jsonwebtoken's TokenExpiredError
// (`jwt.verify` on a token that expired an hour ago) and the OpenAI SDK's RateLimitError (its own
// `APIError.generate` on a 429 body, as the SDK builds it from a response).
import jwt from 'jsonwebtoken';
import { APIError } from 'openai';

const SECRET = 'bench-secret';
const expiredToken = jwt.sign({ sub: 'user-1', exp: Math.floor(Date.now() / 1000) - 3600 }, SECRET);
const rateLimitBody = {
  error: {
    message:
      'Rate limit reached for gpt-4o-mini in organization org-bench on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms.',
    type: 'requests',
    param: null,
    code: 'rate_limit_exceeded',
  },
};

/** A fresh TokenExpiredError('jwt expired'), thrown by `jwt.verify`. */
export function expiredSessionError(): unknown {
  try {
    jwt.verify(expiredToken, SECRET);
  } catch (error) {
    return error;
  }
  throw new Error('the bench token did not expire');
}

/** A fresh RateLimitError (429) of the OpenAI SDK. */
export function providerRateLimitError(): APIError {
  const headers = new Headers({ 'x-request-id': 'req_bench', 'retry-after-ms': '120' });
  return APIError.generate(429, rateLimitBody, undefined, headers);
}
