import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/index.js';
import { caseFoldTable, foldCase, KELVIN_SIGN, KELVIN_SIGN_FOLDED } from '../../src/rules/fold.js';

describe('case folding', () => {
  it('maps exactly one code unit outside ASCII into ASCII: the Kelvin sign (checked against toLowerCase)', () => {
    const intoAscii: number[] = [];
    for (let code = 0x80; code < 0x1_0000; code++) {
      const lower = String.fromCharCode(code).toLowerCase();
      if (lower.length === 1 && lower.charCodeAt(0) < 0x80) intoAscii.push(code);
    }

    expect(intoAscii).toEqual([KELVIN_SIGN]);
    expect(String.fromCharCode(KELVIN_SIGN).toLowerCase()).toBe(String.fromCharCode(KELVIN_SIGN_FOLDED));
  });

  it('folds ASCII by arithmetic exactly as the full table does', () => {
    const table = caseFoldTable();
    const ascii = String.fromCharCode(...Array.from({ length: 0x80 }, (_, code) => code));

    expect(foldCase(ascii)).toBe(
      String.fromCharCode(...Array.from(ascii, (c) => table[c.charCodeAt(0)] as number)),
    );
    expect(foldCase('Straße ΣΑΣ \u212Aelvin')).toBe('straße σασ kelvin');
  });

  it('lets an ASCII ignoreCase anchor match text written with the Kelvin sign, and a case-sensitive one not', () => {
    const classifier = createClassifier({
      rules: [
        { id: 'folded', kind: 'k', action: 'drop', any: ['kelvin'], ignoreCase: true },
        { id: 'exact', kind: 'k', action: 'drop', any: ['Kelvin'] },
      ],
    });

    expect(classifier.classify({ message: 'reading \u212Aelvin failed' })?.rule).toBe('folded');
    expect(classifier.classifyExample('reading Kelvin failed')?.rule).toBe('folded');
    expect(
      createClassifier({ rules: [{ id: 'exact', kind: 'k', action: 'drop', any: ['Kelvin'] }] }).classify({
        message: 'reading \u212Aelvin failed',
      }),
    ).toBeUndefined();
  });
});
