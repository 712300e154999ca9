import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLinearPattern, type LinearPattern } from '../../src/rules/linear-pattern.js';
import { fuzzRuns } from './fuzz-runs.js';

/** Patterns built from the pieces real rules use, nested and repeated the ways that hurt backtracking. */
const piece = fc.constantFrom(
  'a',
  'b',
  'x',
  '.',
  '\\w',
  '\\d',
  '\\s',
  '[ab]',
  '[^a]',
  '[a-c]',
  'A',
  '\\.',
  '-',
);
const quantifier = fc.constantFrom('', '', '', '*', '+', '?', '{2}', '{0,3}', '{1,}', '*?', '+?', '{1,2}');
const assertion = fc.constantFrom('^', '$', '\\b', '\\B');

const pattern: fc.Arbitrary<string> = fc.letrec((tie) => ({
  term: fc.oneof(
    { weight: 5, arbitrary: fc.tuple(piece, quantifier).map(([body, count]) => body + count) },
    { weight: 1, arbitrary: assertion },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('(', '(?:'), tie('alternation') as fc.Arbitrary<string>, quantifier)
        .map(([open, body, count]) => `${open}${body})${count}`),
    },
  ),
  sequence: fc
    .array(tie('term') as fc.Arbitrary<string>, { minLength: 1, maxLength: 4 })
    .map((terms) => terms.join('')),
  alternation: fc
    .array(tie('sequence') as fc.Arbitrary<string>, { minLength: 1, maxLength: 3 })
    .map((options) => options.join('|')),
})).alternation as fc.Arbitrary<string>;

const flags = fc.subarray(['i', 'm', 's', 'u']).map((chosen) => chosen.join(''));
const text = fc.string({
  unit: fc.constantFrom('a', 'b', 'x', 'A', '1', ' ', '.', '-', '\n', '_', 'é'),
  maxLength: 8,
});

/** Steps per character on `unit` repeated to `length` and a character that ends every run. */
function stepsOn(matcher: LinearPattern, unit: string, length: number): number {
  const input = `${unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1)}!`;
  const before = matcher.steps;
  matcher.test(input);
  return (matcher.steps - before) / length;
}

describe('compileLinearPattern (property)', () => {
  it('answers as JavaScript does on every text, for every pattern it accepts, and every match holds a required literal', () => {
    fc.assert(
      fc.property(
        pattern,
        flags,
        fc.array(text, { minLength: 1, maxLength: 8 }),
        (source, flagSet, texts) => {
          let reference: RegExp;
          try {
            reference = new RegExp(source, flagSet);
          } catch {
            return; // not a pattern JavaScript accepts (e.g. `{2}` after an assertion)
          }
          const matcher = compileLinearPattern(reference);
          if (typeof matcher === 'string') {
            expect(matcher).toMatch(/automaton states/);
            return;
          }
          for (const sample of texts) {
            const matches = reference.test(sample);
            expect([source, flagSet, sample, matcher.test(sample)]).toEqual([
              source,
              flagSet,
              sample,
              matches,
            ]);
            // The literals the engine filters on: every matching text holds one of them.
            if (matches && matcher.required !== undefined) {
              expect([
                source,
                flagSet,
                sample,
                matcher.required.some((literal) => sample.includes(literal)),
              ]).toEqual([source, flagSet, sample, true]);
            }
          }
        },
      ),
      { numRuns: fuzzRuns(400) },
    );
  });

  it('reads each character at a cost bounded by its states, and flat from 1 KiB to 8 KiB', () => {
    fc.assert(
      fc.property(
        pattern,
        flags,
        text.filter((unit) => unit.length > 0),
        (source, flagSet, unit) => {
          let written: RegExp;
          try {
            written = new RegExp(source, flagSet);
          } catch {
            return;
          }
          const small = compileLinearPattern(written);
          const large = compileLinearPattern(written);
          if (typeof small === 'string' || typeof large === 'string') return;
          const perCharacterSmall = stepsOn(small, unit, 1_024);
          const perCharacterLarge = stepsOn(large, unit, 8_192);
          expect(perCharacterLarge).toBeLessThanOrEqual(large.states + 1);
          // What a longer text adds per character is never more than what a shorter one cost.
          expect(perCharacterLarge).toBeLessThanOrEqual(perCharacterSmall * 1.05 + 0.05);
        },
      ),
      { numRuns: fuzzRuns(150) },
    );
  });
});
