import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY } from './helpers/spawn.js';

/** package.json `browser`: a module only a Node or Electron main process needs → its browser stand-in. */
const swaps = Object.entries(
  (JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as { browser: Record<string, string> })
    .browser,
);
/** The source module a `./dist/…` path is built from. */
const sourceOf = (path: string): string => path.replace(/^\.\/dist\//, 'src/').replace(/\.c?js$/, '.ts');

describe('package.json `browser`: what a browser bundle gets instead of main-process modules', () => {
  it('swaps each module in both formats, for a stand-in built from a source module', () => {
    expect(swaps.length).toBeGreaterThan(0);
    for (const [module, standIn] of swaps) {
      expect(module).toMatch(/^\.\/dist\/.+\.c?js$/);
      expect(standIn.slice(-4) === '.cjs').toBe(module.endsWith('.cjs'));
      expect(existsSync(join(REPOSITORY, sourceOf(module))), module).toBe(true);
      expect(existsSync(join(REPOSITORY, sourceOf(standIn))), standIn).toBe(true);
      const otherFormat = module.endsWith('.cjs')
        ? module.replace(/\.cjs$/, '.js')
        : module.replace(/\.js$/, '.cjs');
      expect(swaps.map(([from]) => from)).toContain(otherFormat);
    }
  });

  it('gives each stand-in the exports of the module it replaces', async () => {
    for (const [module, standIn] of swaps) {
      const original: Record<string, unknown> = await import(join(REPOSITORY, sourceOf(module)));
      const replacement: Record<string, unknown> = await import(join(REPOSITORY, sourceOf(standIn)));
      const shape = (exports: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(exports).map(([name, value]) => [name, typeof value]));
      expect(shape(replacement), standIn).toEqual(shape(original));
    }
  });

  it('leaves Electron main classifying renderer logs: the stand-in is a browser-only no-op', async () => {
    const { classifyLogEnvelopes } = await import('../src/browser/log-envelope.js');
    let hooks = 0;
    const client = { on: () => hooks++, recordDroppedEvent: () => undefined };
    classifyLogEnvelopes(
      client,
      () => {
        throw new Error('never asked for a classifier');
      },
      'enforce',
    );
    expect(hooks).toBe(0);
    const { classifyLogEnvelopes: inMain } = await import('../src/integration/log-envelope.js');
    inMain(
      client,
      () => {
        throw new Error('never asked for a classifier before an envelope');
      },
      'enforce',
    );
    expect(hooks).toBe(1);
  });
});

describe('the serialized mark in a browser', () => {
  it('is read only where events arrive serialized: a page decides by the live error', async () => {
    const { writeSerializedMark } = await import('../src/marks/serialized-mark.js');
    const event = { exception: { values: [{ type: 'SessionExpiredError', value: 'jwt expired' }] } };
    expect(writeSerializedMark(event, { kind: 'session_expired', action: 'drop' })).toBe(true);

    const { serializedMarkOf } = await import('../src/marks/serialized-mark-reader.js');
    expect(serializedMarkOf(event)).toEqual({ kind: 'session_expired', action: 'drop' });
    const { serializedMarkOf: inPage } = await import('../src/browser/serialized-mark-reader.js');
    expect(inPage(event)).toBeUndefined();
  });
});
