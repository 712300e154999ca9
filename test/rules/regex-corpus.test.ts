import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLinearPattern } from '../../src/rules/linear-pattern.js';

/** Patterns real packages ship (`scripts/record-regex-corpus.ts`): 39 packages' built JavaScript. */
const corpus: Array<{ from: string; source: string; flags: string }> = JSON.parse(
  readFileSync(new URL('../fixtures/regex-corpus/patterns.json', import.meta.url), 'utf8'),
);

/** Texts made of the pattern's own words, where its matches and near-misses are. */
function samplesFor(source: string): string[] {
  const words = source.replace(/\\./g, '').replace(/[^\w\s.,:;/@<>=-]/g, '');
  return [
    '',
    words,
    words.slice(0, 5),
    words.toUpperCase(),
    'a1 _-.',
    `${words}\n${words}`,
    ` ${words.slice(1)}`,
  ];
}

const PUMPS = ['a', 'a ', '1', ' ', 'a.', 'ab', '<a', '\\"'];

describe('compileLinearPattern on the regex corpus', () => {
  const decided = corpus.map((entry) => ({
    ...entry,
    matcher: compileLinearPattern(new RegExp(entry.source, entry.flags)),
  }));

  it('accepts most patterns real packages write, and says why of the rest', () => {
    const counts: Record<string, number> = {};
    for (const { matcher } of decided) {
      const reason =
        typeof matcher !== 'string'
          ? 'accepted'
          : /backreference/.test(matcher)
            ? 'refused: backreference'
            : /lookaround/.test(matcher)
              ? 'refused: lookaround'
              : /automaton states/.test(matcher)
                ? 'refused: more than 128 states'
                : `refused: ${matcher}`;
      counts[reason] = (counts[reason] ?? 0) + 1;
    }
    // Re-recording the corpus with other installed versions changes these figures: update them with it.
    expect(counts).toEqual({
      accepted: 1683,
      'refused: lookaround': 92,
      'refused: more than 128 states': 18,
      'refused: backreference': 12,
    });
  });

  it('answers as JavaScript does for every pattern it accepts', () => {
    let compared = 0;
    for (const { source, flags, matcher } of decided) {
      if (typeof matcher === 'string') continue;
      const reference = new RegExp(source, flags.replace(/[gy]/g, ''));
      for (const sample of samplesFor(source)) {
        expect([source, sample, matcher.test(sample)]).toEqual([source, sample, reference.test(sample)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('reads each character of any input at a cost bounded by the pattern, for every pattern it accepts', () => {
    for (const { source, matcher } of decided) {
      if (typeof matcher === 'string') continue;
      for (const unit of [...PUMPS, source.replace(/\\./g, '').slice(0, 8) || 'a']) {
        const text = `${unit.repeat(Math.ceil(2_048 / unit.length)).slice(0, 2_047)}!`;
        const before = matcher.steps;
        matcher.test(text);
        expect([source, unit, (matcher.steps - before) / text.length <= matcher.states + 1]).toEqual([
          source,
          unit,
          true,
        ]);
      }
    }
  });
});
