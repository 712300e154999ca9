import type { Classifier } from '../classifier/build.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog } from '../sentry/debug-log.js';
import { decideLog } from './log-text.js';

/** A log record as the SDK serializes it into a `log` envelope item. */
interface SerializedLog {
  readonly level?: unknown;
  readonly body?: unknown;
  readonly severity_number?: unknown;
  readonly attributes?: Record<string, unknown>;
}

/** What the envelope hook needs of a client (any `@sentry/core` version from 9 on). */
interface EnvelopeClient {
  on?(hook: 'beforeEnvelope', callback: (envelope: unknown) => void): unknown;
  recordDroppedEvent?(reason: 'before_send', category: 'log_item', count: number): void;
}

/** `severity_number` of level `info` (OpenTelemetry's INFO). */
const INFO_SEVERITY = 9;

/**
 * Classifies log records that reach an envelope without passing `beforeSendLog`: an Electron renderer's,
 * which its SDK serializes and the main process hands to the log buffer as they are. Records already
 * decided (carrying `expected_error.kind`) are left alone, so the main process's own, classified in
 * `beforeSendLog`, are not decided twice. A dropped record counts as a `before_send` log item, as one
 * dropped in `beforeSendLog` does.
 */
export function classifyLogEnvelopes(
  client: unknown,
  classifier: () => Classifier,
  mode: 'enforce' | 'dry-run',
): void {
  const { on, recordDroppedEvent } = client as EnvelopeClient;
  if (typeof on !== 'function') return;
  on.call(client, 'beforeEnvelope', (envelope) => {
    try {
      const dropped = classifyLogItems(envelope, classifier(), mode);
      if (dropped > 0) recordDroppedEvent?.call(client, 'before_send', 'log_item', dropped);
    } catch (error) {
      DEBUG_BUILD && debugLog('warn', 'Sending log records unclassified after an internal error:', error);
    }
  });
}

/** Decides the `log` items of an envelope in place; returns how many records were dropped. */
function classifyLogItems(envelope: unknown, classifier: Classifier, mode: 'enforce' | 'dry-run'): number {
  const items = Array.isArray(envelope) ? (envelope[1] as unknown) : undefined;
  if (!Array.isArray(items)) return 0;
  let dropped = 0;
  for (let index = items.length - 1; index >= 0; index--) {
    const [header, payload] = Array.isArray(items[index]) ? (items[index] as unknown[]) : [];
    if ((header as { type?: unknown } | undefined)?.type !== 'log') continue;
    const records = (payload as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(records)) continue;
    const kept: unknown[] = [];
    for (const record of records) {
      const decided = decide(record as SerializedLog, classifier, mode);
      if (decided === null) dropped++;
      else kept.push(decided);
    }
    if (kept.length === records.length && kept.every((record, position) => record === records[position]))
      continue;
    if (kept.length === 0) {
      // An envelope left without items is not sent by the SDK's transports.
      items.splice(index, 1);
      continue;
    }
    (payload as { items: unknown[] }).items = kept;
    (header as { item_count?: number }).item_count = kept.length;
  }
  return dropped;
}

function decide(
  record: SerializedLog,
  classifier: Classifier,
  mode: 'enforce' | 'dry-run',
): SerializedLog | null {
  if (typeof record !== 'object' || record === null) return record;
  const attributes =
    typeof record.attributes === 'object' && record.attributes !== null ? record.attributes : {};
  const verdict = decideLog(record.body, attributes, record.level, classifier, mode);
  if (!verdict) return record;
  if (verdict.drop) return null;
  const added = Object.entries(verdict.attributes).map(([key, value]) => [key, { value, type: 'string' }]);
  return {
    ...record,
    ...(verdict.lowered ? { level: 'info', severity_number: INFO_SEVERITY } : {}),
    attributes: { ...attributes, ...Object.fromEntries(added) },
  };
}
