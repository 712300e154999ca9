import { debug } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectedErrorsIntegration } from '../../src/index.js';
import { captureTransport } from '../helpers/capture-transport.js';

afterEach(async () => {
  await Sentry.close();
  vi.restoreAllMocks();
});

/** Drops an expired session and lets the SDK log what it does when `debug` is on. */
async function dropWithDebug(enabled: boolean): Promise<string[]> {
  const lines: string[] = [];
  // The SDK turns its logger on for `debug: true` and never back off: start from off.
  debug.disable();
  vi.spyOn(debug, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.join(' '));
  });
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: captureTransport().transport,
    debug: enabled,
    integrations: [
      expectedErrorsIntegration({
        rules: [{ id: 'jwt', kind: 'session_expired', action: 'drop', any: ['jwt expired'] }],
      }),
    ],
  });
  Sentry.captureException(new Error('jwt expired'));
  await Sentry.flush(2_000);
  return lines.filter((line) => line.startsWith('[ExpectedErrors]'));
}

describe("the integration's debug log", () => {
  it('says what it dropped when Sentry runs with debug: true', async () => {
    expect(await dropWithDebug(true)).toEqual([
      expect.stringMatching(/^\[ExpectedErrors\] Dropped event \w+ as `session_expired` \(rule "jwt"\)$/),
    ]);
  });

  it('is never called without it (the message is not even built)', async () => {
    expect(await dropWithDebug(false)).toEqual([]);
  });
});
