import type * as Sentry from '@sentry/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules as examplePack } from '../../examples/recorded/rules.mjs';
import { createClassifier, expectedErrorsIntegration, patternSafety, type Rule } from '../../src/index.js';
import { useBareClient } from '../helpers/bare-client.js';
import { fuzzRuns } from './fuzz-runs.js';

const text = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
    'OpenAI API error (401 Unauthorized): invalid_api_key',
    'SESSION_EXPIRED: sign in',
    'HTTP error: 503 Service Unavailable',
    'user clicked send',
  ),
);
const breadcrumb = fc.oneof(
  fc.record(
    {
      category: fc.constantFrom('ui', 'fetch', 'console', 'expected_error'),
      level: fc.constantFrom('error', 'warning', 'info'),
      message: text,
      data: fc.record(
        {
          url: text,
          status_code: fc.constantFrom(200, 401, 403, 503, '401'),
          'expected_error.kind': fc.constantFrom('decided'),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  fc.anything({ maxDepth: 2 }),
);

/** A cycle-free structural copy, to prove the breadcrumbs given were never changed. */
const snapshot = (value: unknown) =>
  JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? `${item}n` : item));

describe('breadcrumbs on an event (property)', () => {
  const pack = examplePack as Rule[];
  const classifier = createClassifier({ rules: pack });
  const bare = useBareClient();

  it('removes exactly the dropped ones, keeps the order, never changes a breadcrumb given, and changes nothing when none is claimed', async () => {
    const integration = expectedErrorsIntegration({ rules: pack, patterns: patternSafety });
    integration.setup(bare.client());
    // The example pack has `upstream` rules: the first event waits for the taxonomy to load.
    await integration.processEvent({ message: 'warm-up' } as Sentry.Event, {}, bare.client());
    fc.assert(
      fc.property(fc.array(breadcrumb, { maxLength: 12 }), (breadcrumbs) => {
        const event: Sentry.Event = {
          message: 'a real bug',
          breadcrumbs: breadcrumbs as Sentry.Breadcrumb[],
        };
        const before = snapshot(breadcrumbs);
        // What each breadcrumb's own decision says, read independently of the event path.
        const decisions = breadcrumbs.map((item) => {
          if (typeof item !== 'object' || item === null) return undefined;
          const { category, data } = item as Sentry.Breadcrumb;
          if (category === 'expected_error' || (data && 'expected_error.kind' in data)) return undefined;
          const decision = classifier.classifyBreadcrumb(item);
          return decision?.action === 'report' ? undefined : decision;
        });
        expect(integration.processEvent(event, {}, bare.client())).toBe(event);
        expect(snapshot(breadcrumbs)).toBe(before);
        if (decisions.every((decision) => decision === undefined)) {
          expect(event.breadcrumbs).toBe(breadcrumbs);
          return;
        }
        const kept = breadcrumbs.filter((_item, index) => decisions[index]?.action !== 'drop');
        expect(event.breadcrumbs).toHaveLength(kept.length);
        event.breadcrumbs?.forEach((sent, index) => {
          const decision = decisions[breadcrumbs.indexOf(kept[index])];
          if (decision === undefined) expect(sent).toBe(kept[index]);
          else expect(sent).toMatchObject({ level: 'info', data: { 'expected_error.kind': decision.kind } });
        });
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
