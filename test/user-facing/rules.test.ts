import { describe, expect, it } from 'vitest';
import { checkRules } from '../../src/rules/check.js';
import type { RuleExample } from '../../src/rules/types.js';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';
import { DEFAULT_USER_FACING_MESSAGES, type UserFacingCategory } from '../../src/user-facing/messages.js';
import { UPSTREAM_REASON_TAG, UPSTREAM_TYPE_TAG, USER_FACING_RULES } from '../../src/user-facing/rules.js';
import { userFacingError } from '../../src/user-facing/user-facing-error.js';

const MATCH_EXAMPLES = USER_FACING_RULES.flatMap((rule) =>
  (rule.examples?.match ?? []).map((example: string | RuleExample) => {
    const facts = typeof example === 'string' ? { text: example } : example;
    return [rule.id ?? rule.kind, rule.kind, facts] as const;
  }),
);

describe('userFacingError', () => {
  describe('rules (built on the engine)', () => {
    it('passes checkRules: every example decided by its own rule, no shadowed or dead rule', () => {
      const report = checkRules(USER_FACING_RULES);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    });

    it('has a rule (or the fallback) for every category', () => {
      const kinds = new Set<string>(USER_FACING_RULES.map((rule) => rule.kind));
      for (const category of Object.keys(DEFAULT_USER_FACING_MESSAGES)) expect(kinds).toContain(category);
    });

    it.each(MATCH_EXAMPLES)(
      'rule %s: its example carries the tags categorizeUpstreamError really gives',
      (_id, _kind, facts) => {
        const info = categorizeUpstreamError(facts.text);
        expect(facts.tags?.[UPSTREAM_TYPE_TAG]).toBe(info.type);
        expect(facts.tags?.[UPSTREAM_REASON_TAG]).toBe(info.reason ?? 'none');
      },
    );

    it.each(MATCH_EXAMPLES)(
      'rule %s: userFacingError gives its example the category %s',
      (_id, kind, facts) => {
        expect(userFacingError(facts.text).category).toBe(kind as UserFacingCategory);
      },
    );
  });
});
