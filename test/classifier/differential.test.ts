import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClassifier, classifierSteps, finished } from '../../src/classifier/build.js';
import { createClassifier, type Rule } from '../../src/index.js';
import { compileLinearPattern } from '../../src/rules/linear-pattern.js';
import { normalizeRules } from '../../src/rules/validate.js';
import { eventUpstreamError } from '../../src/upstream/from-event.js';

/**
 * A reference matcher written as plainly as possible: every rule, in order, checked with `includes`
 * over every field. The compiled classifier (one automaton pass, candidate rules only) must always
 * agree with it.
 */
function foldPlainly(text: string): string {
  let folded = '';
  for (const character of text.split('')) {
    const lower = character.toLowerCase();
    folded += lower.length === 1 ? lower : character;
  }
  return folded;
}

interface GeneratedEvent {
  message?: string;
  exception?: { values: Array<{ type?: string; value?: string }> };
  tags?: Record<string, string>;
}

/** A live error as an app throws it: a status and a message, read by `categorizeUpstreamError`. */
interface GeneratedError {
  status?: number;
  message: string;
}

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];

function referenceDecision(rules: Rule[], event: GeneratedEvent, error?: GeneratedError): string | undefined {
  const fields: string[] = [];
  if (event.message) fields.push(event.message);
  for (const value of event.exception?.values ?? []) {
    if (value.type && value.value) fields.push(`${value.type}: ${value.value}`);
    else if (value.type) fields.push(value.type);
    else if (value.value) fields.push(value.value);
  }
  const types = (event.exception?.values ?? []).flatMap((value) => (value.type ? [value.type] : []));
  const statuses = [event.tags?.status, error?.status].flatMap((status) =>
    status === undefined ? [] : [Number(status)],
  );
  const upstream = eventUpstreamError(event, error);

  const matches = (rule: Rule): boolean => {
    const fold = (text: string) => (rule.ignoreCase ? foldPlainly(text) : text);
    const present = (anchor: string) => fields.some((field) => fold(field).includes(fold(anchor)));
    if (rule.all && !rule.all.every(present)) return false;
    if (rule.any && !rule.any.some(present)) return false;
    if (rule.none?.some(present)) return false;
    if (rule.status !== undefined) {
      if (
        !statuses.some((status) =>
          (typeof rule.status === 'number' ? [rule.status] : rule.status)?.includes(status),
        )
      )
        return false;
    }
    if (rule.exceptionType !== undefined) {
      const wanted = typeof rule.exceptionType === 'string' ? [rule.exceptionType] : rule.exceptionType;
      if (!types.some((type) => wanted.includes(type))) return false;
    }
    for (const [name, value] of Object.entries(rule.tags ?? {})) {
      const wanted = Array.isArray(value) ? value.map(String) : [String(value)];
      if (event.tags?.[name] === undefined || !wanted.includes(event.tags[name])) return false;
    }
    if (rule.upstream) {
      const { type, reason, retryable } = rule.upstream;
      if (upstream === undefined) return false;
      if (type !== undefined && !asList(type)?.includes(upstream.type)) return false;
      if (
        reason !== undefined &&
        (upstream.reason === undefined || !asList(reason)?.includes(upstream.reason))
      )
        return false;
      if (retryable !== undefined && retryable !== upstream.retryable) return false;
    }
    const pattern = rule.pattern instanceof RegExp ? rule.pattern : undefined;
    if (pattern && !fields.some((field) => pattern.test(field))) return false;
    return true;
  };

  const matching = rules.filter(matches);
  return (matching.find((rule) => rule.action === 'report') ?? matching[0])?.id;
}

// A small alphabet makes substrings collide, overlap and share prefixes often; it includes letters with
// case pairs, non-ASCII case pairs (É/é, Σ/σ/ς), a letter whose lowercase is two code units (İ) and a
// surrogate pair.
const alphabet = fc.constantFrom(...'aAbBcC (401):"_éÉΣσςİß'.split(''), '😀');
const text = (maxLength: number) =>
  fc.array(alphabet, { minLength: 1, maxLength }).map((characters) => characters.join(''));
const substrings = fc.array(text(5), { minLength: 1, maxLength: 3 });
const status = fc.constantFrom(401, 403, 429, 500);
const type = fc.constantFrom('Error', 'TypeError', 'BackendApiError');
const upstreamType = fc.constantFrom('rate_limited', 'server_error', 'overloaded', 'unknown');
const errorArbitrary: fc.Arbitrary<GeneratedError | undefined> = fc.option(
  fc.record(
    {
      status: fc.constantFrom(401, 429, 500, 503, 529),
      message: fc.constantFrom(
        'Rate limit reached',
        'You exceeded your current quota',
        'Overloaded',
        'fetch failed',
      ),
    },
    { requiredKeys: ['message'] },
  ),
  { nil: undefined },
);

const ruleArbitrary = fc
  .record(
    {
      kind: fc.constantFrom('a', 'b', 'c'),
      action: fc.constantFrom('drop', 'breadcrumb', 'report'),
      all: substrings,
      any: substrings,
      none: substrings,
      ignoreCase: fc.boolean(),
      status: fc.oneof(status, fc.array(status, { minLength: 1, maxLength: 2 })),
      exceptionType: type,
      tags: fc.record({ method: fc.constantFrom('GET', 'PATCH') }),
      pattern: fc.constantFrom(/a\(4/, /^[bB]/, /σ|ς/i),
      upstream: fc
        .record(
          {
            type: fc.oneof(upstreamType, fc.array(upstreamType, { minLength: 1, maxLength: 2 })),
            reason: fc.constantFrom('quota_exhausted', 'network'),
            retryable: fc.boolean(),
          },
          { requiredKeys: [] },
        )
        .filter((condition) => Object.keys(condition).length > 0),
    },
    { requiredKeys: ['kind', 'action'] },
  )
  .filter((rule) =>
    ['all', 'any', 'status', 'exceptionType', 'tags', 'pattern', 'upstream'].some((key) => key in rule),
  );

const eventArbitrary: fc.Arbitrary<GeneratedEvent> = fc.record(
  {
    message: text(24),
    exception: fc.record({
      values: fc.array(fc.record({ type, value: text(24) }, { requiredKeys: [] }), { maxLength: 3 }),
    }),
    tags: fc.record(
      { status: status.map(String), method: fc.constantFrom('GET', 'PATCH') },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** A classifier without the index: every rule tried in turn (the integration's, for a small rule set). */
const simpleClassifier = (rules: Rule[]) =>
  buildClassifier(
    { rules },
    { readUpstream: eventUpstreamError, compilePattern: compileLinearPattern, index: 'never' },
  );

describe('createClassifier (differential)', () => {
  it('agrees with a plain reference matcher on generated rules and events, with the index and without it (the integration for small rule sets)', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArbitrary, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(eventArbitrary, errorArbitrary), { minLength: 1, maxLength: 10 }),
        (generated, events) => {
          const rules = generated.map((rule, index) => ({ ...rule, id: `rule-${index}` }) as Rule);
          const indexed = createClassifier({ rules });
          const simple = simpleClassifier(rules);
          expect(simple.stats).toMatchObject({ anchors: indexed.stats.anchors, states: 0 });
          for (const [event, error] of events) {
            const hint = error === undefined ? undefined : { originalException: error };
            const expected = referenceDecision(rules, event, error);
            expect(indexed.classify(event, hint)?.rule).toBe(expected);
            expect(simple.classify(event, hint)?.rule).toBe(expected);
            expect(simple.explain(event, hint)).toEqual(indexed.explain(event, hint));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('claims as it classifies, except that a guard matching alone claims nothing (enforce mode), with the index and without it', () => {
    // Rules of one or two broad conditions, so that guards often match alone and beside other rules.
    const broadText = fc
      .array(fc.constantFrom(...'aAbB 4:'.split('')), { minLength: 1, maxLength: 12 })
      .map((characters) => characters.join(''));
    const broadRule = fc
      .record(
        {
          kind: fc.constantFrom('a', 'b'),
          action: fc.constantFrom('drop', 'breadcrumb', 'report'),
          any: fc.array(fc.constantFrom('a', 'b', 'A', '4'), { minLength: 1, maxLength: 2 }),
          status: status,
          upstream: fc.record({ type: upstreamType }),
        },
        { requiredKeys: ['kind', 'action'] },
      )
      .filter((rule) => ['any', 'status', 'upstream'].some((key) => key in rule));
    const broadEvent = fc.record(
      { message: broadText, tags: fc.record({ status: status.map(String) }, { requiredKeys: [] }) },
      { requiredKeys: [] },
    );
    let guardsAlone = 0;
    fc.assert(
      fc.property(
        fc.array(broadRule, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(broadEvent, errorArbitrary), { minLength: 1, maxLength: 10 }),
        (generated, events) => {
          const rules = generated.map((rule, index) => ({ ...rule, id: `rule-${index}` }) as Rule);
          for (const index of ['always', 'never'] as const) {
            const { classifier, claim } = finished(
              classifierSteps(normalizeRules(rules, compileLinearPattern), undefined, {
                readUpstream: eventUpstreamError,
                compilePattern: compileLinearPattern,
                index,
              }),
            );
            for (const [event, error] of events) {
              const hint = error === undefined ? undefined : { originalException: error };
              const classified = classifier.classify(event, hint);
              const claimedByNoGuard = classifier
                .explain(event, hint)
                .some((id) => rules.find((rule) => rule.id === id)?.action !== 'report');
              if (classified && !claimedByNoGuard) guardsAlone++;
              expect(claim(event, hint)).toEqual(claimedByNoGuard ? classified : undefined);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    // The generated cases include the one where `claim` and `classify` differ.
    expect(guardsAlone).toBeGreaterThan(0);
  });

  it('agrees on ASCII text with a few rules (where a direct string search replaces the automaton)', () => {
    const asciiText = (maxLength: number) =>
      fc
        .array(fc.constantFrom(...'aAbBcC (401):"_kK'.split('')), { minLength: 1, maxLength })
        .map((characters) => characters.join(''));
    const asciiRule = fc.record(
      {
        kind: fc.constantFrom('a', 'b'),
        action: fc.constantFrom('drop', 'breadcrumb', 'report'),
        any: fc.array(asciiText(4), { minLength: 1, maxLength: 3 }),
        none: fc.array(asciiText(4), { minLength: 1, maxLength: 2 }),
        ignoreCase: fc.boolean(),
      },
      { requiredKeys: ['kind', 'action', 'any'] },
    );
    const asciiEvent = fc.record(
      {
        message: asciiText(30),
        exception: fc.record({
          values: fc.array(fc.record({ type, value: asciiText(30) }), { maxLength: 2 }),
        }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.array(asciiRule, { minLength: 1, maxLength: 3 }),
        fc.array(asciiEvent, { minLength: 1, maxLength: 10 }),
        (generated, events) => {
          const rules = generated.map((rule, index) => ({ ...rule, id: `rule-${index}` }) as Rule);
          const classifier = createClassifier({ rules });
          for (const event of events) {
            expect(classifier.classify(event)?.rule).toBe(referenceDecision(rules, event));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees on texts where anchors sit at every offset of a long field', () => {
    fc.assert(
      fc.property(text(6), fc.nat(5_000), fc.boolean(), (anchor, offset, ignoreCase) => {
        const rules: Rule[] = [{ id: 'only', kind: 'k', action: 'drop', all: [anchor], ignoreCase }];
        const event = { message: `${'·'.repeat(offset)}${anchor.toUpperCase()}${'·'.repeat(50)}` };
        expect(createClassifier({ rules }).classify(event)?.rule).toBe(referenceDecision(rules, event));
        expect(simpleClassifier(rules).classify(event)?.rule).toBe(referenceDecision(rules, event));
      }),
      { numRuns: 200 },
    );
  });
});
