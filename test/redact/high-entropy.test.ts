import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactHighEntropyTokens } from '../../src/redact/high-entropy.js';

/** Every exception value and message of the recorded events: ordinary error texts. */
function recordedMessages(): string[] {
  const directory = new URL('../fixtures/recorded/', import.meta.url);
  const texts = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'value' || key === 'message' || key === 'formatted') texts.add(value);
    } else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (typeof value === 'object' && value !== null)
      for (const [name, item] of Object.entries(value)) walk(item, name);
  };
  for (const file of readdirSync(directory)) {
    if (file.endsWith('.json')) walk(JSON.parse(readFileSync(new URL(file, directory), 'utf8')), '');
  }
  return [...texts];
}

describe('redactHighEntropyTokens', () => {
  it.each(['a9Fk2Lm0Qz7Xw3Rt8Vb1Nc6', 'k2p9x7m4q1w8e5r3t6y0u2i4o', 'AbCdEf012345+/GhIjKl6789=='])(
    'redacts a random-looking token: %s',
    (token) => {
      expect(redactHighEntropyTokens(`failed with ${token} here`)).toBe('failed with [redacted-token] here');
    },
  );

  it.each([
    ['a UUID', '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60'],
    ['a prefixed UUID', 'thread-743193ba-f0c1-4008-b665-64d3030d1453'],
    ['a hex trace id', '74ef481cc9764746bfc92937af1d4c6b'],
    ['a request id', 'req_011CV5Jab6gR3ZNs9Sj6apiD'],
    ['a constant', 'ERR_SOCKET_CONNECTION_TIMEOUT_2'],
    ['a path', '/api/v1/organizations/12345/projects'],
    // A long camelCase name with a digit (`getProps2ForPage…`) does look random to it: a known false positive.
    ['a camelCase name', 'getServerSidePropsForPageComponent'],
    ['a short token', 'a9Fk2Lm0Qz7Xw3Rt8Vb'],
  ])('keeps %s', (_, text) => {
    expect(redactHighEntropyTokens(`at ${text}: failed`)).toBe(`at ${text}: failed`);
  });

  it('leaves the recorded error messages as they were, but for the one key they hold', () => {
    const messages = recordedMessages();
    expect(messages.length).toBeGreaterThan(50);
    const changed = messages.filter((text) => redactHighEntropyTokens(text) !== text);
    // Tolerance: only the fake OpenAI key the recordings were made with (`sk-proj-…`, redacted by its shape too).
    expect(changed.every((text) => text.includes('sk-proj-'))).toBe(true);
    expect(changed.length).toBeLessThanOrEqual(messages.length * 0.02);
  });
});
