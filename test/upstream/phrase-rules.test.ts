import { describe, expect, it } from 'vitest';
import { checkTextMatcher, withTextMatcherDocs } from '../../src/rules/text-matcher.js';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';
import { CAUSE_RULES as CAUSE_TABLE } from '../../src/upstream/cause-rules.js';
import { CAUSE_RULE_DOCS } from '../../src/upstream/docs/cause-rules.js';
import { SYMPTOM_RULE_DOCS } from '../../src/upstream/docs/symptom-rules.js';
import { SIGNAL_OUTCOMES, type SignalRule } from '../../src/upstream/signals.js';
import { SYMPTOM_RULES as SYMPTOM_TABLE } from '../../src/upstream/symptom-rules.js';

// The tables with the descriptions and examples they keep apart.
const CAUSE_RULES = withTextMatcherDocs(CAUSE_TABLE, CAUSE_RULE_DOCS);
const SYMPTOM_RULES = withTextMatcherDocs(SYMPTOM_TABLE, SYMPTOM_RULE_DOCS);

function matchExamples(rules: readonly SignalRule[]): Array<readonly [string, string, string]> {
  return rules.flatMap((rule) =>
    (rule.examples?.match ?? []).map((text) => [rule.id, rule.label, text] as const),
  );
}

/** Symptom examples that state a status, and what the status makes of them. */
const DECIDED_BY_STATUS: ReadonlyMap<string, { readonly status: number; readonly type: string }> = new Map([
  ['HTTP 429 Too Many Requests (upstream: bad gateway)', { status: 429, type: 'rate_limited' }],
  [
    "429 Quota exceeded for quota metric 'Generate Content API requests per minute'",
    { status: 429, type: 'rate_limited' },
  ],
  [
    '429 Unable to submit request because the service is temporarily out of capacity.',
    { status: 429, type: 'overloaded' },
  ],
  // coder's table: a 504 is a server_error, not a timeout.
  ['504 Deadline Exceeded', { status: 504, type: 'server_error' }],
]);

describe('categorizeUpstreamError', () => {
  describe('phrase tables (checked by the engine)', () => {
    it.each([
      ['cause', CAUSE_RULES],
      ['symptom', SYMPTOM_RULES],
    ])('passes checkTextMatcher for the %s table: examples, shadowing, dead entries', (_name, rules) => {
      const report = checkTextMatcher(rules);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.examples).toBeGreaterThan(rules.length);
    });

    it.each([
      [CAUSE_TABLE, CAUSE_RULE_DOCS],
      [SYMPTOM_TABLE, SYMPTOM_RULE_DOCS],
    ] as const)('keeps its docs apart, one entry per table entry', (table, docs) => {
      expect(table.filter((rule) => rule.description !== undefined || rule.examples !== undefined)).toEqual(
        [],
      );
      expect(Object.keys(docs).sort()).toEqual(table.map((rule) => rule.id).sort());
    });

    it.each([...CAUSE_RULES, ...SYMPTOM_RULES])('documents its source: $id', (rule) => {
      expect(rule.description?.length).toBeGreaterThan(20);
      expect(rule.examples?.match?.length).toBeGreaterThan(0);
    });

    it.each(matchExamples(CAUSE_RULES))(
      'cause entry %s: categorizes its example as %s',
      (_id, kind, text) => {
        const expected =
          kind === 'quota_exceeded'
            ? SIGNAL_OUTCOMES.quota_exhausted
            : SIGNAL_OUTCOMES[kind as keyof typeof SIGNAL_OUTCOMES];
        expect(categorizeUpstreamError(text)).toMatchObject({ reason: expected.reason, retryable: false });
      },
    );

    it.each(matchExamples(SYMPTOM_RULES))(
      'symptom entry %s: categorizes its example as %s',
      (_id, kind, text) => {
        const info = categorizeUpstreamError(text);
        // With a status in the text the status decides, except that a 429 or 5xx saying "overloaded" is
        // an overload; every other example states no status and its phrase decides.
        const expected = DECIDED_BY_STATUS.get(text) ?? {
          status: undefined,
          type: SIGNAL_OUTCOMES[kind as keyof typeof SIGNAL_OUTCOMES].type,
        };
        expect(info.status).toBe(expected.status);
        expect(info.type).toBe(expected.type);
      },
    );
  });
});
