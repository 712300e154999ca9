import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/index.js';
import { summarize } from '../../src/redact/index.js';

/** Secrets as they show up inside error messages; each `secret` must vanish from the output. */
const LEAKS: ReadonlyArray<{ readonly text: string; readonly secret: string }> = [
  {
    text: 'OpenAI API error (401): Incorrect API key provided: sk-abc123def456ghi789jkl',
    secret: 'abc123def456ghi789jkl',
  },
  {
    text: 'using key sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 for org',
    secret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  },
  {
    text: 'anthropic: x-api-key sk-ant-api03-Zz9_Yy8-Xx7Ww6Vv5Uu4Tt3 rejected',
    secret: 'Zz9_Yy8-Xx7Ww6Vv5Uu4Tt3',
  },
  {
    text: 'openrouter key=sk-or-v1-0123456789abcdef0123456789abcdef',
    secret: '0123456789abcdef0123456789abcdef',
  },
  {
    text: 'request failed: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sflKxwRJSMeKKF2QT4fw',
    secret: 'sflKxwRJSMeKKF2QT4fw',
  },
  { text: 'header Authorization: Bearer abcdef0123456789opaque', secret: 'abcdef0123456789opaque' },
  {
    text: 'jwt eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJl expired',
    secret: 'eyJleHAiOjE3MDAwMDAwMDB9',
  },
  {
    text: 'GET https://api.example.com/v1/items?api_key=live_9f8e7d6c5b4a&limit=5 failed',
    secret: 'live_9f8e7d6c5b4a',
  },
  { text: 'GET https://x.test/cb?code=1&token=tok_5Xq2LmN8pR&state=2', secret: 'tok_5Xq2LmN8pR' },
  { text: 'GET https://x.test/s?access_token=ya29.a0AfH6SMBx', secret: 'ya29.a0AfH6SMBx' },
  { text: 'connect ECONNREFUSED postgres://bob:hunter2@db.internal:5432/app', secret: 'hunter2' },
  { text: 'redis://default:s3cr3tP4ss@cache:6379 unreachable', secret: 's3cr3tP4ss' },
  { text: 'fetch https://admin:correct-horse@internal.example.com/health failed', secret: 'correct-horse' },
  { text: 'AWS credentials AKIAIOSFODNN7EXAMPLE were rejected', secret: 'AKIAIOSFODNN7EXAMPLE' },
  {
    text: 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  {
    text: 'gemini: key AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv invalid',
    secret: 'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv',
  },
  {
    text: 'git push failed for ghp_16CharactersOrMoreAbCdEf012345',
    secret: 'ghp_16CharactersOrMoreAbCdEf012345',
  },
  { text: 'slack: xoxb-123456789012-abcdefghijklmnop', secret: 'xoxb-123456789012-abcdefghijklmnop' },
  { text: 'stripe sk_live_51HxYzAbCdEfGh rejected', secret: '51HxYzAbCdEfGh' },
  { text: 'hf model pull with hf_AbCdEfGhIjKlMnOpQrStUvWx failed', secret: 'hf_AbCdEfGhIjKlMnOpQrStUvWx' },
  { text: '{"api_key": "k-998877665544", "model": "gpt-4o"}', secret: 'k-998877665544' },
  { text: "config {'password': 'pa55w0rd!'} invalid", secret: 'pa55w0rd!' },
  { text: 'client_secret=GOCSPX-1a2b3c4d5e6f in body', secret: 'GOCSPX-1a2b3c4d5e6f' },
  { text: 'X-Api-Key: 7c1e2f3a4b5c6d7e8f9a rejected', secret: '7c1e2f3a4b5c6d7e8f9a' },
  { text: 'refresh_token=1//0gAbCdEfGhIj rejected', secret: '1//0gAbCdEfGhIj' },
];

describe('redactSecrets', () => {
  it.each(LEAKS.map((leak) => [leak.text, leak.secret]))('removes the secret from %j', (text, secret) => {
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('redacted');
  });

  it('leaks nothing from the whole corpus at once, however it is wrapped', () => {
    const corpus = LEAKS.map((leak) => leak.text).join('\n  caused by: ');
    const redacted = redactSecrets(corpus);
    expect(LEAKS.filter((leak) => redacted.includes(leak.secret))).toEqual([]);
  });

  it('redacts an Authorization header once, keeping its scheme', () => {
    expect(redactSecrets('Authorization: Bearer abcdef0123456789opaque')).toBe(
      'Authorization: Bearer [redacted]',
    );
    expect(redactSecrets('authorization=rawtoken123456')).toBe('authorization=[redacted]');
  });

  it('keeps ordinary error text readable', () => {
    const plain = 'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}';
    expect(redactSecrets(plain)).toBe(plain);
    expect(redactSecrets('TypeError: Cannot read properties of undefined (reading "id")')).toBe(
      'TypeError: Cannot read properties of undefined (reading "id")',
    );
  });
});

describe('summarize', () => {
  it('is one redacted line of at most 200 characters', () => {
    for (const leak of LEAKS) {
      const summary = summarize(`${leak.text}\n${'detail '.repeat(100)}`);
      expect(summary).not.toContain(leak.secret);
      expect(summary).not.toContain('\n');
      expect(summary.length).toBeLessThanOrEqual(200);
    }
  });

  it('never cuts a surrogate pair in half', () => {
    const summary = summarize(`${'a'.repeat(198)}😀😀`);
    expect(summary.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(summary)).toBe(false);
  });

  it('reads only the start of a huge message', () => {
    expect(summarize(`x${'y'.repeat(10_000_000)}`).length).toBe(200);
  });
});
