import { describe, expect, it } from 'vitest';
import { checkTextMatcher } from '../../src/rules/text-matcher.js';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';
import { DEFAULT_USER_FACING_MESSAGES } from '../../src/user-facing/messages.js';
import {
  UPSTREAM_CATEGORIES,
  USER_FACING_PHRASES,
  upstreamCategoryHolds,
} from '../../src/user-facing/rules.js';
import { userFacingError } from '../../src/user-facing/user-facing-error.js';

const UPSTREAM_EXAMPLES = UPSTREAM_CATEGORIES.flatMap((entry) =>
  entry.examples.map((example) => [entry.id, entry.category, example] as const),
);
const PHRASE_EXAMPLES = USER_FACING_PHRASES.flatMap((entry) =>
  (entry.examples?.match ?? []).map((text) => [entry.id, entry.label, text] as const),
);

describe('userFacingError', () => {
  describe('tables', () => {
    it('has an entry (or the fallback) for every category', () => {
      const categories = new Set<string>([
        ...UPSTREAM_CATEGORIES.map((entry) => entry.category),
        ...USER_FACING_PHRASES.map((entry) => entry.label),
      ]);
      for (const category of Object.keys(DEFAULT_USER_FACING_MESSAGES))
        expect(categories).toContain(category);
    });

    it.each(UPSTREAM_EXAMPLES)(
      'upstream entry %s: its example is what categorizeUpstreamError really gives, and decides %s',
      (id, category, example) => {
        const info = categorizeUpstreamError(example.text);
        expect({ type: info.type, reason: info.reason }).toEqual({
          type: example.type,
          reason: example.reason,
        });
        // The first entry that holds is this one: no earlier entry claims its example.
        expect(UPSTREAM_CATEGORIES.find((entry) => upstreamCategoryHolds(entry, info))?.id).toBe(id);
        expect(userFacingError(example.text).category).toBe(category);
      },
    );

    it('phrases pass checkTextMatcher: every example labelled by its own entry, no shadowed or dead entry', () => {
      const report = checkTextMatcher(USER_FACING_PHRASES);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    });

    it.each(PHRASE_EXAMPLES)(
      'phrase entry %s: userFacingError gives its example the category %s',
      (_id, label, text) => {
        expect(userFacingError(text).category).toBe(label);
      },
    );
  });
});
