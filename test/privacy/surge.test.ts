import { describe, expect, it } from 'vitest';
import { runTypeScript } from '../helpers/spawn.js';

// 200 concurrent requests of 200 users on a real server cross the surge threshold: the one surge event
// must carry no user's data — not the user, request, tags or breadcrumbs of the request that crossed the
// threshold, nor the e-mails in the demoted messages — under each supported SDK major.
const SDKS = ['@sentry/node', '@sentry/node-v10', '@sentry/node-v9'] as const;

describe('a surge event under concurrent requests', () => {
  it.each(SDKS)(
    "carries no one's data with %s",
    async (sdk) => {
      const finished = await runTypeScript('test/privacy/surge-app.ts', [], {
        environment: { SENTRY_SDK: sdk, REQUESTS: '200' },
      });
      expect(finished.stderr).toBe('');
      const surges = finished.stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(surges).toHaveLength(1);
      const [surge] = surges as [Record<string, unknown>];

      expect(surge).not.toHaveProperty('user');
      expect(surge).not.toHaveProperty('request');
      expect(surge).not.toHaveProperty('breadcrumbs');
      expect(surge).not.toHaveProperty('extra');
      expect(surge.tags).toEqual({
        'expected_error.surge': 'session_expired',
        'expected_error.kind': 'session_expired',
      });
      const context = (surge.contexts as Record<string, { examples?: string[]; count?: number }>)
        .expected_error_surge;
      expect(context?.count).toBe(51);
      expect(context?.examples).toEqual(['session_expired: Error: jwt expired for <email> (session <int>)']);
      const text = JSON.stringify(surge);
      expect(text).not.toMatch(/user\d+@example\.com|user-\d+|tenant-\d+|secret-\d+|10\.0\.0\.\d+|settings/);
    },
    60_000,
  );
});
