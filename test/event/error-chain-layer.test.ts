import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const importsOf = (file: string): string[] =>
  [
    ...readFileSync(new URL(`../../src/${file}`, import.meta.url), 'utf8').matchAll(
      /^(?:import|export)[^;]*?from '([^']+)'/gms,
    ),
  ].map((match) => match[1] as string);

describe('the reader for error objects (src/event/error-chain.ts)', () => {
  it('imports only its own guarded reads and status parser: nothing of Sentry, the engine or the taxonomy', () => {
    const reader = ['event/error-chain.ts', 'event/guarded-read.ts', 'event/http-status.ts'];
    const imports = reader.flatMap((file) => importsOf(file).map((specifier) => `${file} → ${specifier}`));
    expect(imports).toEqual([
      'event/error-chain.ts → ./guarded-read.js',
      'event/error-chain.ts → ./http-status.js',
    ]);
  });

  it('is the chain walk both the classifier and the taxonomy use', () => {
    expect(importsOf('event/facts.ts')).toContain('./error-chain.js');
    expect(importsOf('upstream/gather.ts')).toContain('../event/error-chain.js');
  });
});
