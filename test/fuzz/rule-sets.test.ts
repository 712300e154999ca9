import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRules, createClassifier, RuleConfigError } from '../../src/index.js';
import { fuzzRuns } from './fuzz-runs.js';

const field = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }),
  fc.integer({ min: 0, max: 700 }),
  fc.constantFrom('drop', 'breadcrumb', 'report', /expired/i, /(a+)+$/, 'redacted', 'withheld'),
);
const ruleLike = fc.dictionary(
  fc.constantFrom(
    'id',
    'kind',
    'action',
    'all',
    'any',
    'none',
    'ignoreCase',
    'pattern',
    'status',
    'exceptionType',
    'tags',
    'summary',
    'examples',
    'alll',
    '__proto__',
  ),
  field,
  { maxKeys: 8 },
);

describe('rule sets of any shape (property)', () => {
  it('either compile or throw a RuleConfigError that names rule and field — nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(ruleLike, fc.anything({ maxDepth: 1 })), { maxLength: 6 }), (rules) => {
        try {
          const classifier = createClassifier({ rules: rules as never });
          expect(() => classifier.classify({ message: 'any text' })).not.toThrow();
          expect(() => checkRules(rules as never)).not.toThrow();
        } catch (error) {
          expect(RuleConfigError.isInstance(error)).toBe(true);
          expect((error as RuleConfigError).message).toMatch(/^rule #-?\d+( \(".*"\))?: `.+` /s);
        }
      }),
      { numRuns: fuzzRuns(500) },
    );
  });
});
