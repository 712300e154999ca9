import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/index.js';
import { CONTEXTS, type Context, FAKE_SECRETS, pieces } from './fake-secrets.js';

/** `[redacted-github-token]` names the provider; only the rest of the text may not show the secret. */
const LABEL = /\[redacted[a-z-]{0,40}\]/g;

const CASES = FAKE_SECRETS.flatMap((fake) =>
  (Object.keys(CONTEXTS) as Context[])
    .filter((context) => !fake.notIn?.includes(context))
    .map((context) => ({ ...fake, context, text: CONTEXTS[context](fake.form) })),
);

describe('redactSecrets', () => {
  it.each(CASES.map((entry) => [entry.name, entry.context, entry]))(
    'removes a %s inside a %s',
    (_name, _context, entry) => {
      const redacted = redactSecrets(entry.text);
      const withoutLabels = redacted.replace(LABEL, '');
      expect(pieces(entry.secret, 6).filter((piece) => withoutLabels.includes(piece))).toEqual([]);
      expect(redacted).toContain('[redacted');
    },
  );

  it('keeps the text around a secret: label, scheme, host and what follows', () => {
    expect(redactSecrets('connect postgres://app:hunter2@db.internal:5432/app failed')).toBe(
      'connect postgres://[redacted]@db.internal:5432/app failed',
    );
    expect(redactSecrets('redis://:s3cr3t@cache:6379 unreachable')).toBe(
      'redis://[redacted]@cache:6379 unreachable',
    );
    expect(redactSecrets('amqp://bob:p@ss/w0rd@mq.internal/jobs')).toBe('amqp://[redacted]@mq.internal/jobs');
    expect(redactSecrets('Cookie: sid=abc123; theme=dark\nnext line')).toBe('Cookie: [redacted]\nnext line');
    expect(redactSecrets('{"cookie":"sid=abc; x=1","ok":true}')).toBe('{"cookie":"[redacted]","ok":true}');
    expect(redactSecrets("headers: { cookie: 'sid=abc' }")).toBe("headers: { cookie: '[redacted]' }");
    expect(redactSecrets('{"password": "correct horse battery staple"}')).toBe('{"password": "[redacted]"}');
    expect(redactSecrets('{\\"api_key\\":\\"k-998877\\",\\"model\\":\\"gpt-4o\\"}')).toBe(
      '{\\"api_key\\":\\"[redacted]\\",\\"model\\":\\"gpt-4o\\"}',
    );
    expect(redactSecrets('Authorization: Bearer abc.def-ghi_jkl')).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets('hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX')).toBe(
      'hooks.slack.com/services/[redacted]',
    );
  });

  it('removes a secret longer than any bound whole, not its first part', () => {
    const long = `sk-${'A1b2C3d4'.repeat(1_000)}`;
    expect(redactSecrets(`key ${long} rejected`)).toBe('key sk-[redacted] rejected');
    const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJ${'Qm9i'.repeat(5_000)}.${'c2ln'.repeat(2_000)}`;
    expect(redactSecrets(`token ${jwt}`)).toBe('token [redacted-jwt]');
  });

  it('keeps URLs without credentials whole: ports, e-mail addresses in queries, @ in paths', () => {
    for (const text of [
      'GET https://api.example.com:8443/v1/users?email=ann@example.com failed',
      'GET https://www.npmjs.com/package/@sentry/node returned 404',
      'fetch https://user@example.com/repo.git failed',
    ]) {
      expect(redactSecrets(text)).toBe(text);
    }
  });

  it('keeps prose, UUIDs, commit SHAs and ordinary numbers readable', () => {
    for (const text of [
      'The password you entered is incorrect.',
      'Your API key is invalid or has expired; create a new key in the dashboard.',
      'GET /v1/workspaces/123e4567-e89b-12d3-a456-426614174000/items returned 404',
      'deploy a94a8fe5ccb19ba61c4c0873d391e987982fbbd3 failed on main',
      'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
      'This model maximum context length is 8192 tokens, max_tokens=4096 requested',
      'TypeError: Cannot read properties of undefined (reading "token")',
      'Basic plan limits reached',
      'Stripe customer cus_Q1w2E3r4T5y6U7 has no default payment method',
    ]) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});
