#!/usr/bin/env node
import { isMainThread } from 'node:worker_threads';
import { main } from './main.js';

// A replay worker loads this file too (whatever file the pool's code is bundled into): it only serves blocks.
if (isMainThread) {
  // A closed pipe (`… | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
