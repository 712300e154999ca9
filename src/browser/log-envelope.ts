import type { Classifier } from '../classifier/create.js';

/**
 * `log-envelope.ts` as browser bundles get it (package.json `browser` field): in a browser every log record
 * is captured in the page and classified in `beforeSendLog`; none arrives serialized from another process
 * (as an Electron renderer's reach the main process), so there is no envelope to classify.
 */
export function classifyLogEnvelopes(
  _client: unknown,
  _classifier: () => Classifier,
  _mode: 'enforce' | 'dry-run',
): void {}
