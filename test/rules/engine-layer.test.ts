import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const rulesDirectory = new URL('../../src/rules/', import.meta.url);
const importsOf = (file: string): string[] =>
  [
    ...readFileSync(new URL(file, rulesDirectory), 'utf8').matchAll(
      /^(?:import|export)[^;]*?from '([^']+)'/gms,
    ),
  ].map((match) => match[1] as string);

describe('the rule engine (src/rules/)', () => {
  const files = readdirSync(rulesDirectory).filter((file) => file.endsWith('.ts'));

  it('imports nothing outside src/rules/: it knows nothing of Sentry, the CLI or the taxonomy', () => {
    expect(files.length).toBeGreaterThan(5);
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('../..') || specifier.startsWith('@sentry/'))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(outside).toEqual([]);
  });
});
