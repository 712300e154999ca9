import { ByteLines } from './byte-lines.js';
import { CliInputError } from './cli-error.js';
import type { CorpusFile, CorpusRecord } from './corpus.js';
import { parseJson } from './json-text.js';
import { isJsonObject, type JsonObject, toSdkEvent } from './recorded-event.js';

/**
 * Envelope item types that carry no error event: the SDK's `EnvelopeItemType` (@sentry/core
 * `types/envelope.ts`, v11) plus the older `statsd`/`metric_meta` (SDK v7–v8) and `replay_video`
 * (mobile SDKs). Any other type is reported: an unknown item might be an event this tool cannot see.
 */
const NON_EVENT_ITEM_TYPES: ReadonlySet<string> = new Set([
  'transaction',
  'session',
  'sessions',
  'client_report',
  'attachment',
  'user_report',
  'feedback',
  'profile',
  'profile_chunk',
  'replay_event',
  'replay_recording',
  'replay_video',
  'check_in',
  'span',
  'log',
  'metric',
  'trace_metric',
  'raw_security',
  'statsd',
  'metric_meta',
]);

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Reads an envelope file in the wire format `serializeEnvelope` writes (and an SDK transport POSTs): an
 * envelope header line, then per item a header line and a payload (a line, or exactly `length` bytes).
 * Several envelopes may follow one another. Only `event` items are events; a broken event payload is a
 * broken record, while a broken header or an unknown item type makes the file unreadable.
 */
export async function* readEnvelopeFile(source: CorpusFile): AsyncGenerator<CorpusRecord> {
  const reader = ByteLines.open(source.path);
  let envelopeHeader: JsonObject | undefined;
  let entry = 0;
  try {
    while (true) {
      const lineNumber = reader.nextLineNumber;
      const line = await reader.readLine();
      if (line === undefined) return;
      if (line.length === 0) continue;
      if (lineNumber === 1 && line[0] === GZIP_MAGIC[0] && line[1] === GZIP_MAGIC[1]) {
        throw new CliInputError(`${source.path}: is gzip-compressed; decompress it first`);
      }
      const parsed = parseJson(line.toString('utf8'));
      if (!parsed.ok) {
        throw new CliInputError(
          `${source.path}: bad JSON on line ${lineNumber}, column ${parsed.error.column}: ${parsed.error.problem}`,
        );
      }
      const header = parsed.value;
      if (!isJsonObject(header)) {
        throw new CliInputError(
          `${source.path}: line ${lineNumber}: expected an envelope or item header (a JSON object)`,
        );
      }
      if (typeof header.type !== 'string') {
        envelopeHeader = header;
        continue;
      }
      if (envelopeHeader === undefined) {
        throw new CliInputError(
          `${source.path}: line ${lineNumber}: an item header before any envelope header; not an envelope`,
        );
      }
      const payloadLine = reader.nextLineNumber;
      const length = header.length;
      const payload =
        typeof length === 'number' && Number.isInteger(length) && length >= 0
          ? await reader.readBytes(length)
          : await reader.readLine();
      assertKnownItemType(header.type, `${source.path}: line ${lineNumber}`);
      if (header.type !== 'event') continue;
      if (payload === undefined) {
        yield { type: 'broken', source, line: payloadLine, problem: 'event item without a payload' };
        continue;
      }
      const event = parseJson(payload.toString('utf8'));
      if (!event.ok) {
        yield {
          type: 'broken',
          source,
          line: payloadLine + event.error.line - 1,
          problem: `bad JSON in an event item (column ${event.error.column}: ${event.error.problem})`,
        };
      } else if (!isJsonObject(event.value)) {
        yield {
          type: 'broken',
          source,
          line: payloadLine,
          problem: 'event item payload is not a JSON object',
        };
      } else {
        yield {
          type: 'event',
          source,
          entry: entry++,
          line: payloadLine,
          event: withEnvelopeEventId(toSdkEvent(event.value), envelopeHeader),
        };
      }
    }
  } finally {
    await reader.close();
  }
}

/** Whether a JSON value is an envelope as `parseEnvelope` returns it (and transport dumps store it). */
export function isParsedEnvelope(value: unknown): value is [JsonObject, unknown[]] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    isJsonObject(value[0]) &&
    Array.isArray(value[1]) &&
    value[1].every((item) => Array.isArray(item) && isJsonObject(item[0]) && typeof item[0].type === 'string')
  );
}

/**
 * The event payloads of a parsed envelope, in order. Non-event items are skipped; an unknown item type
 * throws `CliInputError` (`where` names the file and line).
 */
export function eventsOfParsedEnvelope(
  envelope: [JsonObject, unknown[]],
  where: string,
): Array<{ event: JsonObject } | { problem: string }> {
  const [envelopeHeader, items] = envelope;
  const events: Array<{ event: JsonObject } | { problem: string }> = [];
  for (const item of items as Array<[JsonObject & { type: string }, unknown]>) {
    const [itemHeader, payload] = item;
    assertKnownItemType(itemHeader.type, where);
    if (itemHeader.type !== 'event') continue;
    const value = typeof payload === 'string' ? parseJson(payload) : { ok: true as const, value: payload };
    if (!value.ok) events.push({ problem: `bad JSON in an event item payload (${value.error.problem})` });
    else if (!isJsonObject(value.value)) events.push({ problem: 'event item payload is not a JSON object' });
    else events.push({ event: withEnvelopeEventId(toSdkEvent(value.value), envelopeHeader) });
  }
  return events;
}

function assertKnownItemType(type: string, where: string): void {
  if (type === 'event' || NON_EVENT_ITEM_TYPES.has(type)) return;
  const shown = type.length > 40 ? `${type.slice(0, 40)}…` : type;
  throw new CliInputError(`${where}: unknown envelope item type ${JSON.stringify(shown)}`);
}

/** The envelope header carries the event id too; the payload's own id wins. */
function withEnvelopeEventId(event: JsonObject, envelopeHeader: JsonObject): JsonObject {
  if (typeof event.event_id === 'string' || typeof envelopeHeader.event_id !== 'string') return event;
  return { ...event, event_id: envelopeHeader.event_id };
}
