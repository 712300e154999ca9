// Run in a fresh process by `npm run bench`: how long the first createClassifier with 10 rules takes,
// including every one-time table and first-call compilation it triggers (the module is already loaded).
import { createClassifier } from '../src/index.js';
import { substrings } from './workload.js';

const rules = substrings(10).map((anchor) => ({ kind: 'noise', action: 'drop' as const, any: [anchor] }));
const cpu = process.cpuUsage();
const start = performance.now();
createClassifier({ rules });
const wall = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ wall, cpu: (used.user + used.system) / 1_000 })}\n`);
