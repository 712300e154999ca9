import type * as Sentry from '@sentry/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules as examplePack } from '../../examples/recorded/rules.mjs';
import { createClassifier, expectedErrorsIntegration, patternSafety, type Rule } from '../../src/index.js';
import { withBuiltInDocs } from '../../src/presets/docs/index.js';
import { useBareClient } from '../helpers/bare-client.js';
import { fuzzRuns } from './fuzz-runs.js';

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => `x${String.fromCharCode(code)}y`),
  fc.constantFrom(
    'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
    'OpenAI API error (401 Unauthorized): invalid_api_key',
    'SESSION_EXPIRED: sign in',
    'HTTP error: 503 Service Unavailable',
    '__proto__',
    'constructor',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 401, '401', null, undefined, true, 10n ** 30n),
  fc.anything({ maxDepth: 3 }),
);
const hostileRecord = fc.dictionary(
  fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'status', 'status_code')),
  hostileValue,
  {
    maxKeys: 6,
  },
);
const exceptionValue = fc.oneof(
  fc.record(
    { type: fc.oneof(hostileString, hostileValue), value: fc.oneof(hostileString, hostileValue) },
    { requiredKeys: [] },
  ),
  hostileValue,
);
const hostileEvent = fc
  .record(
    {
      message: fc.oneof(
        hostileString,
        hostileValue,
        fc.record({ formatted: hostileValue, message: hostileValue }),
      ),
      logentry: fc.oneof(hostileValue, fc.record({ message: hostileString, params: fc.array(hostileValue) })),
      exception: fc.oneof(
        hostileValue,
        fc.record({ values: fc.oneof(hostileValue, fc.array(exceptionValue, { maxLength: 8 })) }),
      ),
      tags: fc.oneof(hostileValue, hostileRecord),
      contexts: fc.oneof(hostileValue, fc.record({ response: fc.oneof(hostileValue, hostileRecord) })),
      extra: fc.oneof(
        hostileValue,
        hostileRecord,
        fc.record({ __serialized__: fc.oneof(hostileValue, hostileRecord) }),
      ),
      breadcrumbs: fc.array(hostileValue, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  )
  .chain((event) =>
    fc.boolean().map((cyclic) => {
      // Prototype-polluting keys as own properties, the way JSON.parse makes them, and self-references.
      const withOwnProto = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}') as Record<
        string,
        unknown
      >;
      const shaped: Record<string, unknown> = {
        ...event,
        extra: { ...(typeof event.extra === 'object' ? event.extra : {}), withOwnProto },
      };
      if (cyclic) {
        (shaped.extra as Record<string, unknown>).self = shaped;
        if (typeof shaped.tags === 'object' && shaped.tags !== null)
          (shaped.tags as Record<string, unknown>).loop = shaped.tags;
      }
      return shaped;
    }),
  );

/** A cycle-safe structural fingerprint, to prove an event came back unchanged. */
function fingerprint(value: unknown): string {
  const seen = new WeakMap<object, number>();
  let visited = 0;
  const walk = (current: unknown): unknown => {
    if (typeof current === 'bigint') return `${current}n`;
    if (typeof current === 'number' && !Number.isFinite(current)) return String(current);
    if (typeof current !== 'object' || current === null) return current;
    const known = seen.get(current);
    if (known !== undefined) return `<cycle ${known}>`;
    seen.set(current, visited++);
    return Object.getOwnPropertyNames(current).map((key) => [
      key,
      walk((current as Record<string, unknown>)[key]),
    ]);
  };
  return JSON.stringify(walk(value));
}

describe('hostile events (property)', () => {
  const pack = examplePack as Rule[];
  const bare = useBareClient();

  it('never throws, and passes every event no rule claims unchanged (the same object)', async () => {
    const integration = expectedErrorsIntegration({ rules: pack, patterns: patternSafety });
    integration.setup?.(bare.client());
    // The pack has a `pattern`: the first event waits for the backtracking check, loaded on demand; the
    // first decision and the first demotion wait for the code they load on demand too. Warm all of them up.
    await integration.processEvent?.({ message: 'warm-up' } as Sentry.Event, {}, bare.client());
    // The built-in packs' rules carry their examples apart.
    for (const rule of withBuiltInDocs(pack) as Rule[]) {
      const example = rule.examples?.match?.[0];
      const text = typeof example === 'string' ? example : example?.text;
      if (text !== undefined)
        await integration.processEvent?.({ message: text } as Sentry.Event, {}, bare.client());
    }
    const decided = Object.values(integration.getStats().kinds);
    expect(decided.some((kind) => kind.drop > 0) && decided.some((kind) => kind.breadcrumb > 0)).toBe(true);
    const classifier = createClassifier({ rules: pack });
    fc.assert(
      fc.property(hostileEvent, (event) => {
        const before = fingerprint(event);
        const decision = classifier.classify(event);
        const result = integration.processEvent?.(event as Sentry.Event, {}, bare.client());
        if (decision === undefined || decision.action === 'report') expect(result).toBe(event);
        else expect(result).toBeNull();
        expect(fingerprint(event)).toBe(before);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('decides the same way every time, and the same for an equal copy', () => {
    const classifier = createClassifier({ rules: pack });
    fc.assert(
      fc.property(hostileEvent, (event) => {
        const first = classifier.classify(event);
        expect(classifier.classify(event)).toEqual(first);
        let copy: unknown;
        try {
          copy = structuredClone(event);
        } catch {
          return; // not cloneable (functions, symbols): nothing more to compare
        }
        expect(classifier.classify(copy)).toEqual(first);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('never throws on breadcrumbs of any shape', () => {
    const classifier = createClassifier({ rules: pack });
    fc.assert(
      fc.property(
        fc.oneof(
          hostileValue,
          fc.record({
            message: hostileValue,
            category: hostileValue,
            data: fc.oneof(hostileValue, hostileRecord),
          }),
        ),
        (breadcrumb) => {
          expect(() => classifier.classifyBreadcrumb(breadcrumb)).not.toThrow();
        },
      ),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('classifies a 10 MB message and a chain of thousands of exceptions', () => {
    const classifier = createClassifier({ rules: pack });
    const huge = `OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}${'x'.repeat(10 * 1024 * 1024)}`;
    expect(classifier.classify({ message: huge })?.kind).toBe('session_expired');
    const chain = Array.from({ length: 5_000 }, (_, index) => ({ type: 'Error', value: `layer ${index}` }));
    chain.push({ type: 'Error', value: 'HTTP error: 503 Service Unavailable' });
    expect(classifier.classify({ exception: { values: chain } })?.kind).toBe('transient_upstream');
    expect(classifier.classify({ exception: { values: chain.slice(0, -1) } })).toBeUndefined();
  });
});
