// Preloaded (`node --import`) into the processes the replay benchmark starts: on exit, the whole
// process's CPU time (every thread) and peak resident memory, as one line on stderr.
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = { cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1_000, maxRssKb: usage.maxRSS };
    writeSync(2, `\n@@usage ${JSON.stringify(line)}\n`);
  });
}
