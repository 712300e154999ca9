import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const importsOf = (file: string): string[] =>
  [
    ...readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8').matchAll(
      /^(?:import|export)[^;]*?from '([^']+)'/gms,
    ),
  ].map((match) => match[1] as string);

describe('the reader for error objects (src/error-object.ts)', () => {
  it('imports only its own guarded reads and status parser: nothing of Sentry, the engine or the taxonomy', () => {
    const reader = ['error-object.ts', 'guarded-read.ts', 'http-status.ts'];
    const imports = reader.flatMap((file) => importsOf(file).map((specifier) => `${file} → ${specifier}`));
    expect(imports).toEqual(['error-object.ts → ./guarded-read.js', 'error-object.ts → ./http-status.js']);
  });

  it('is the chain walk both the classifier and the taxonomy use', () => {
    expect(importsOf('event-text.ts')).toContain('./error-object.js');
    expect(importsOf('upstream/gather.ts')).toContain('../error-object.js');
  });
});
