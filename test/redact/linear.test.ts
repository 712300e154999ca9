import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/index.js';
import { summarize } from '../../src/redact/index.js';
import { SECRET_SHAPES } from '../../src/redact/secret-shapes.js';

const MEGABYTE = 1_000_000;
const PLANTED = 'sk-proj-PLANTED0123456789abcdef';
/** Inputs that made the old patterns backtrack: runs of characters a secret's alphabet shares. */
const ADVERSARIAL = [
  'a-',
  'a.',
  'a_',
  'eyJ-',
  'eyJa.',
  'a://',
  'a:/',
  'a@a:',
  'token=',
  'password: ',
  'Bearer ',
  '-----BEGIN PRIVATE KEY-----',
  '-',
  '1',
  ' ',
  'AKIA',
  'Cookie:',
  'x.y@',
  '\\"',
];

/** The quantifiers of a pattern that have no upper bound (`*`, `+`, `{n,}`), outside character classes. */
function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '*' || char === '+') found.push(`${char} at ${index}`);
    else if (char === '{' && /^\{\d+,\}/.test(source.slice(index))) found.push(`{n,} at ${index}`);
  }
  return found;
}

describe('redactSecrets on adversarial input', () => {
  it('bounds every quantifier of every secret shape', () => {
    const unbounded = SECRET_SHAPES.flatMap((shape, index) =>
      unboundedQuantifiers(shape.pattern.source).map(
        (where) => `shape #${index} (${shape.pattern}): ${where}`,
      ),
    );
    expect(unbounded).toEqual([]);
    expect(unboundedQuantifiers('a+[+*]b{2,}c{1,3}\\*')).toEqual(['+ at 1', '{n,} at 7']);
  });

  it.each(ADVERSARIAL)('returns 1 MB of %j unchanged but for a key planted at its end', (unit) => {
    const run = unit.repeat(Math.ceil(MEGABYTE / unit.length));
    const redacted = redactSecrets(`${run} ${PLANTED}`);
    expect(redacted).not.toContain('PLANTED');
    expect(redacted.length).toBeGreaterThan(0);
  });

  it('summarizes 1 MB of adversarial text', () => {
    for (const unit of ADVERSARIAL) {
      const summary = summarize(`${PLANTED} ${unit.repeat(Math.ceil(MEGABYTE / unit.length))}`);
      expect(summary).not.toContain('PLANTED');
    }
  });
});
