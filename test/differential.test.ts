import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier, type Rule } from '../src/index.js';

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

function referenceDecision(rules: Rule[], event: GeneratedEvent): string | undefined {
  const fields: string[] = [];
  if (event.message) fields.push(event.message);
  for (const value of event.exception?.values ?? []) {
    if (value.type && value.value) fields.push(`${value.type}: ${value.value}`);
    else if (value.type) fields.push(value.type);
    else if (value.value) fields.push(value.value);
  }
  const types = (event.exception?.values ?? []).flatMap((value) => (value.type ? [value.type] : []));
  const status = event.tags?.status === undefined ? undefined : Number(event.tags.status);

  const matches = (rule: Rule): boolean => {
    const fold = (text: string) => (rule.ignoreCase ? foldPlainly(text) : text);
    const present = (anchor: string) => fields.some((field) => fold(field).includes(fold(anchor)));
    if (rule.all && !rule.all.every(present)) return false;
    if (rule.any && !rule.any.some(present)) return false;
    if (rule.none?.some(present)) return false;
    if (rule.status !== undefined) {
      const statuses = typeof rule.status === 'number' ? [rule.status] : rule.status;
      if (status === undefined || !statuses.includes(status)) return false;
    }
    if (rule.exceptionType !== undefined) {
      const wanted = typeof rule.exceptionType === 'string' ? [rule.exceptionType] : rule.exceptionType;
      if (!types.some((type) => wanted.includes(type))) return false;
    }
    for (const [name, value] of Object.entries(rule.tags ?? {})) {
      const wanted = Array.isArray(value) ? value.map(String) : [String(value)];
      if (event.tags?.[name] === undefined || !wanted.includes(event.tags[name])) return false;
    }
    if (rule.pattern && !fields.some((field) => rule.pattern?.test(field))) return false;
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
    },
    { requiredKeys: ['kind', 'action'] },
  )
  .filter((rule) => ['all', 'any', 'status', 'exceptionType', 'tags', 'pattern'].some((key) => key in rule));

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

describe('createClassifier (differential)', () => {
  it('agrees with a plain reference matcher on generated rules and events', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArbitrary, { minLength: 1, maxLength: 30 }),
        fc.array(eventArbitrary, { minLength: 1, maxLength: 10 }),
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
      }),
      { numRuns: 200 },
    );
  });
});
