import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node18',
  },
  {
    // Node only (worker threads, the file system): its own bundle, so nothing of it reaches the root's.
    entry: { replay: 'src/replay.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    shims: true,
    target: 'node18',
  },
  {
    entry: { 'cli/bin': 'src/cli/bin.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    target: 'node18',
  },
]);
