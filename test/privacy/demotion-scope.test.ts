import * as Sentry from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { expectedErrorsIntegration } from '../../src/index.js';
import { captureTransport } from '../helpers/capture-transport.js';
import { runTypeScript } from '../helpers/spawn.js';

// 200 concurrent requests on a real server; each demotes an expired session naming its user, then
// captures a real bug. Run under SDKs whose `@sentry/core` is, and is not, the copy this package
// resolves (11.12): the demotion breadcrumb must reach its own request's next event, scrubbed by the
// app's `beforeBreadcrumb`, and never another request's.
const REQUESTS = 200;
const SDKS = [
  ['@sentry/node', 'the same @sentry/core copy'],
  ['@sentry/node-v11-prev', 'a @sentry/core copy one release apart (11.11)'],
  ['@sentry/node-v10', 'a @sentry/core 10 copy'],
  ['@sentry/node-v9', 'a @sentry/core 9 copy'],
] as const;

interface RealBug {
  readonly value: string;
  readonly trail: readonly string[];
}

describe('demotion breadcrumbs under concurrent requests', () => {
  it.each(SDKS)(
    'stay on their own request with %s (%s)',
    async (sdk) => {
      const finished = await runTypeScript('test/privacy/concurrent-requests-app.ts', [], {
        environment: { SENTRY_SDK: sdk, REQUESTS: String(REQUESTS) },
      });
      expect(finished.stderr).toBe('');
      const bugs = finished.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as RealBug);
      expect(bugs).toHaveLength(REQUESTS);

      const foreign = bugs.filter((bug) => {
        const user = /user-(\d+)/.exec(bug.value)?.[1];
        return bug.trail.some((message) => !message.includes(`user-${user} `));
      });
      expect(foreign).toEqual([]);
      // Each real bug carries exactly its own request's demotion, through the app's scrubber.
      for (const bug of bugs) {
        const user = /user-(\d+)/.exec(bug.value)?.[1];
        expect(bug.trail).toEqual([`session_expired: Error: jwt expired for user-${user} <[email]>`]);
      }
    },
    60_000,
  );
});

describe('demotion breadcrumbs without a scope of the client', () => {
  it('are dropped, never moved onto a later event', async () => {
    const capture = captureTransport();
    // A client built by hand and never bound to a scope: no request-safe place for a breadcrumb exists.
    const client = new Sentry.NodeClient({
      dsn: 'http://public@127.0.0.1:9/1',
      integrations: [
        expectedErrorsIntegration({
          rules: [{ id: 'jwt', kind: 'session_expired', action: 'breadcrumb', all: ['jwt expired'] }],
        }),
      ],
      stackParser: Sentry.defaultStackParser,
      transport: capture.transport,
    });
    client.init();
    client.captureException(new Error('jwt expired for alice@example.com'));
    await client.flush(2_000);
    client.captureException(new Error('a real bug'));
    await client.flush(2_000);
    const events = capture.events();
    expect(events.map((event) => event.exception?.values?.at(-1)?.value)).toEqual(['a real bug']);
    expect(JSON.stringify(events[0]?.breadcrumbs ?? [])).not.toContain('jwt expired');
    await client.close();
  });
});
