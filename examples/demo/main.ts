// `npm run demo`: the integration on a real Sentry envelope receiver (a local Spotlight sidecar).
import { formatDemo, runDemo } from './demo.js';

const started = Date.now();
const result = await runDemo();
console.log(formatDemo(result));
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s; the sidecar is stopped.`);
