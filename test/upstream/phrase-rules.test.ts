import { describe, expect, it } from 'vitest';
import { checkTextMatcher } from '../../src/rules/text-matcher.js';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';
import { CAUSE_RULES } from '../../src/upstream/cause-rules.js';
import { SIGNAL_OUTCOMES, type SignalRule } from '../../src/upstream/signals.js';
import { SYMPTOM_RULES } from '../../src/upstream/symptom-rules.js';

function matchExamples(rules: readonly SignalRule[]): Array<readonly [string, string, string]> {
  return rules.flatMap((rule) =>
    (rule.examples?.match ?? []).map((text) => [rule.id, rule.label, text] as const),
  );
}

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
        // With a status in the text, the status table decides (tested in text.test.ts).
        if (info.status === undefined) {
          expect(info.type).toBe(SIGNAL_OUTCOMES[kind as keyof typeof SIGNAL_OUTCOMES].type);
        }
      },
    );
  });
});
