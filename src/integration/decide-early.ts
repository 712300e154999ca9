import type { Event, EventHint } from '@sentry/core';
import { deferringParser, withDeferredStack } from '../event/deferred-frames.js';
import { isArray, isRecord, read } from '../event/guarded-read.js';
import type { SentryClient } from '../sentry/client.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog } from '../sentry/debug-log.js';
import { outerScopesOf, type ScopeLike } from '../sentry/scopes.js';

/**
 * What deciding an error before the SDK built its event came to: dropped or demoted here (`decided`), no
 * rule claims it (`unclaimed`: the event is built and sent, and not classified again), or claimed but left
 * to the event (`undecided`: a guard, a crash, a sampled rule — the event is built and decided as ever).
 */
export type EarlyVerdict = 'decided' | 'unclaimed' | 'undecided';

/** Errors decided before their event is built, on every client an integration instance is set up on. */
export interface EarlyDecisions {
  /** Wraps `client.captureException` (an SDK without it, or without `eventFromException`, is left as it is). */
  setup(client: SentryClient): void;
  /** True, once, for the event of an error that no rule claimed before it was built. */
  wasUnclaimed(hint: unknown): boolean;
}

/** The client methods an early decision calls (every major from 8 on), typed structurally. */
interface CapturingClient {
  getOptions(): object;
  captureException(exception: unknown, hint?: EventHint, scope?: unknown): string;
  eventFromException(exception: unknown, hint?: EventHint): unknown;
  emit?(hook: 'preprocessEvent', event: Event, hint: EventHint): void;
  recordDroppedEvent?(reason: 'event_processor', category: 'error'): void;
}

/** The SDKs' own mark of an error already captured (`checkOrSetAlreadyCaught`, every major from 7 on). */
const CAPTURED = '__sentry_captured__';

/**
 * Decides a captured error in `client.captureException`, before the SDK builds its event: an error the
 * rules drop or demote costs no stack parsing, no scope merging and no event processors. What the rules
 * read is built as the SDK builds it — `client.eventFromException` (its stack parser deferring the frames
 * until a `thrownBy` condition reads them), the `preprocessEvent` hooks (the cause chain), the hint's
 * mechanism, and the global, isolation and current scopes' tags, extra, contexts and level — so the
 * decision is the one the event processor would make. Whatever cannot be built that way (a `captureContext`,
 * a value the SDK would truncate, an SDK that builds events asynchronously, a throw) goes the usual way,
 * and so does every event the rules do not drop or demote: the event processor decides those.
 */
export function earlyDecisions(
  decide: (event: Event, hint: EventHint, client: SentryClient) => EarlyVerdict,
): EarlyDecisions {
  const unclaimed = new WeakMap<object, string>();
  return {
    setup(client) {
      const capturing = client as unknown as CapturingClient;
      const capture = capturing.captureException;
      if (typeof capture !== 'function' || typeof capturing.eventFromException !== 'function') return;
      let deciding = false;
      capturing.captureException = function captureException(exception, hint, scope, ...rest) {
        if (!deciding) {
          deciding = true;
          try {
            const probe = probeOf(capturing, exception, hint, scope);
            const verdict = probe ? decide(probe.event, probe.hint, client) : 'undecided';
            if (probe && verdict === 'decided') {
              markCaptured(exception as object);
              capturing.recordDroppedEvent?.('event_processor', 'error');
              return probe.hint.event_id as string;
            }
            if (probe && verdict === 'unclaimed')
              unclaimed.set(exception as object, probe.hint.event_id as string);
          } catch (error) {
            DEBUG_BUILD && debugLog('warn', 'Could not decide an error before its event was built:', error);
          } finally {
            deciding = false;
          }
        }
        return capture.call(this, exception, hint, scope, ...rest);
      };
    },
    wasUnclaimed(hint) {
      if (!isRecord(hint)) return false;
      const exception = read(hint, 'originalException');
      const eventId = isRecord(exception) ? unclaimed.get(exception) : undefined;
      if (eventId === undefined || eventId !== read(hint, 'event_id')) return false;
      unclaimed.delete(exception as object);
      return true;
    },
  };
}

/** The event the SDK would decide for `exception`, built as `captureException` builds it, or `undefined`. */
function probeOf(
  client: CapturingClient,
  exception: unknown,
  hint: EventHint | undefined,
  scope: unknown,
): { event: Event; hint: EventHint } | undefined {
  if (!isRecord(exception) || read(exception, CAPTURED) || !isRecord(hint)) return undefined;
  if (typeof hint.event_id !== 'string' || hint.captureContext !== undefined) return undefined;
  const current = scope as ScopeLike | undefined;
  if (typeof current?.getScopeData !== 'function') return undefined;
  const outer = outerScopesOf(client as unknown as SentryClient);
  const options = client.getOptions() as { stackParser?: unknown; maxValueLength?: unknown };
  const parse = options.stackParser;
  if (!outer || typeof parse !== 'function') return undefined;

  const probeHint: EventHint = { ...hint };
  let event: unknown;
  options.stackParser = deferringParser(parse as Parameters<typeof deferringParser>[0]);
  try {
    const built = client.eventFromException(withDeferredStack(exception), probeHint) as
      | PromiseLike<unknown>
      | undefined;
    // The SDKs' own `SyncPromise` calls back at once; a real promise would call back too late and is ignored.
    built?.then?.(
      (value) => {
        event = value;
      },
      () => undefined,
    );
    if (isRecord(event)) client.emit?.('preprocessEvent', event as Event, probeHint);
  } finally {
    options.stackParser = parse;
  }
  if (!isRecord(event) || truncatedBy(event as Event, options.maxValueLength)) return undefined;
  if (isRecord(hint.mechanism)) addMechanism(event as Event, hint.mechanism);
  applyScopes(event as Event, [outer.global, outer.isolation, current]);
  return { event: event as Event, hint: probeHint };
}

/** True when the SDK (`maxValueLength`, from v10 on) would cut an exception value: the probe reads it whole. */
function truncatedBy(event: Event, maxValueLength: unknown): boolean {
  if (typeof maxValueLength !== 'number' || maxValueLength <= 0) return false;
  const values = event.exception?.values;
  return (
    isArray(values) &&
    values.some((value) => typeof value?.value === 'string' && value.value.length > maxValueLength)
  );
}

/** The hint's mechanism on the captured exception, as `prepareEvent` puts it there. */
function addMechanism(event: Event, mechanism: NonNullable<EventHint['mechanism']>): void {
  const values = event.exception?.values;
  if (!isArray(values)) return;
  const captured = values.find((value) => value?.mechanism?.exception_id === 0) ?? values[0];
  if (!captured) return;
  const current = captured.mechanism;
  captured.mechanism = { type: 'generic', handled: true, ...current, ...mechanism };
  if ('data' in mechanism) captured.mechanism.data = { ...current?.data, ...mechanism.data };
}

/** The scopes' tags, extra, contexts and level, merged (later scopes win) and applied as `prepareEvent` does. */
function applyScopes(event: Event, scopes: readonly (ScopeLike | undefined)[]): void {
  let tags: object | undefined;
  let extra: object | undefined;
  let contexts: object | undefined;
  let level: unknown;
  for (const scope of scopes) {
    const data = scope?.getScopeData?.();
    if (!data) continue;
    tags = merged(tags, data.tags);
    extra = merged(extra, data.extra);
    contexts = merged(contexts, data.contexts);
    if (data.level) level = data.level;
  }
  if (tags) event.tags = { ...tags, ...event.tags };
  if (extra) event.extra = { ...extra, ...event.extra };
  if (contexts) event.contexts = { ...contexts, ...event.contexts };
  if (level) event.level = level as NonNullable<Event['level']>;
}

function merged(into: object | undefined, from: unknown): object | undefined {
  if (!isRecord(from) || Object.keys(from).length === 0) return into;
  return into ? { ...into, ...from } : from;
}

/** Marks `exception` as the SDK marks a captured error, so that a second capture of it is skipped. */
function markCaptured(exception: object): void {
  try {
    Object.defineProperty(exception, CAPTURED, { value: true, writable: true, configurable: true });
  } catch {
    // A frozen error: a second capture is decided again, to the same end.
  }
}
