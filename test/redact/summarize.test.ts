import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_LENGTH, summarize } from '../../src/redact/index.js';
import { FAKE_SECRETS, type FakeSecret, pieces } from './fake-secrets.js';

/** How far into a long text a summary reads (see src/redact/summarize.ts). */
const WINDOW = 4_096;
/** Labels name the provider (`[redacted-github-token]`), also when the cut shortened them. */
const LABEL = /\[redacted[a-z-]{0,40}(?:\]|…$|$)/g;
/** Starts of secrets, written out here rather than read from the code under test. */
const SECRET_STARTS = [
  'sk-',
  'sess-',
  'gsk_',
  'AIza',
  'ya29.',
  '1//0',
  'GOCSPX-',
  'AKIA',
  'ASIA',
  'ghp_',
  'ghs_',
  'github_pat_',
  'glpat-',
  'xoxb-',
  'xapp-',
  'sk_live_',
  'rk_test_',
  'whsec_',
  'SG.',
  'npm_',
  'pypi-',
  'hf_',
  'eyJ',
  '-----BEGIN',
];

/** The problems of one summary: pieces of the secret it shows, a secret start it ends on, its length. */
function problems(summary: string, fake: FakeSecret): string[] {
  const found: string[] = [];
  const text = summary.replace(LABEL, '');
  for (const piece of pieces(fake.secret, 6)) if (text.includes(piece)) found.push(`shows ${piece}`);
  const last = /[A-Za-z0-9_\-.~+/=:]*…?$/.exec(summary)?.[0].replace('…', '') ?? '';
  if (SECRET_STARTS.some((start) => last.startsWith(start))) found.push(`ends on ${last}`);
  if (summary.length > MAX_SUMMARY_LENGTH) found.push(`is ${summary.length} characters long`);
  return found;
}

/** Offsets at which `form` starts so that `cut` falls inside it (and just around it). */
function straddling(form: string, cut: number): number[] {
  const offsets: number[] = [];
  for (let start = Math.max(0, cut - form.length - 2); start <= cut + 2; start++) offsets.push(start);
  return offsets;
}

describe('summarize', () => {
  it.each(FAKE_SECRETS.map((fake) => [fake.name, fake]))(
    'shows no part of a %s cut by the summary length, at any offset',
    (_name, fake) => {
      const failures: string[] = [];
      for (const start of straddling(fake.form, MAX_SUMMARY_LENGTH)) {
        const text = `${'x'.repeat(Math.max(0, start - 1))} ${fake.form} and the request was retried`;
        for (const problem of problems(summarize(text), fake)) failures.push(`at ${start}: ${problem}`);
      }
      expect(failures).toEqual([]);
    },
  );

  // 1,024: where 0.1 cut before redacting (the reported leak); WINDOW: how far a summary reads now.
  it.each([1_024, WINDOW].flatMap((cut) => FAKE_SECRETS.map((fake) => [fake.name, cut, fake] as const)))(
    'shows no part of a %s cut at %i characters, even after the text before it shrank',
    (_name, cut, fake) => {
      const failures: string[] = [];
      for (const start of straddling(fake.form, cut)) {
        // A long key before it redacts to 13 characters, so what the cut leaves lands in the summary.
        const shrinks = `sk-${'Q'.repeat(Math.max(8, start - 4))} `;
        const text = `${shrinks}${fake.form} and the request was retried ${'z'.repeat(WINDOW)}`;
        for (const problem of problems(summarize(text), fake)) failures.push(`at ${start}: ${problem}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it('leaves nothing of "Gemini failed: AIzaSy…" when 1,024 characters end inside the key', () => {
    const key = 'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW';
    for (let inside = 1; inside < key.length; inside++) {
      const before = `Gemini failed: sk-${'Z'.repeat(1_024 - inside - 19)} `;
      const summary = summarize(`${before}${key} (400 INVALID_ARGUMENT) ${'z'.repeat(WINDOW)}`);
      expect(pieces(key.slice(4), 6).filter((piece) => summary.includes(piece))).toEqual([]);
      expect(summary).not.toMatch(/AIza[^ ]*…?$/);
    }
  });

  it('is one line of at most 200 characters', () => {
    const summary = summarize(
      `Error: upstream failed\n  at call (/app/index.js:1:1)\n${'detail '.repeat(100)}`,
    );
    expect(summary).not.toContain('\n');
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
    expect(summary.startsWith('Error: upstream failed at call')).toBe(true);
  });

  it('ends a cut summary with an ellipsis and never on half a surrogate pair', () => {
    const summary = summarize(`${'a'.repeat(198)}😀😀`);
    expect(summary.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(summary)).toBe(false);
  });

  it('keeps a short text as it is', () => {
    expect(summarize('  TypeError: fetch failed  ')).toBe('TypeError: fetch failed');
  });
});
