import type { BaseTransportOptions, Envelope, Event, Transport } from '@sentry/core';
import { createTransport, parseEnvelope } from '@sentry/core';

/** A client report item's `discarded_events` entry. */
export interface DiscardedEvent {
  readonly reason: string;
  readonly category: string;
  readonly quantity: number;
}

/** Everything a real Sentry client sent, as parsed envelopes. */
export interface Capture {
  readonly envelopes: Envelope[];
  /** A transport factory for `Sentry.init({ transport })`. */
  readonly transport: (options: BaseTransportOptions) => Transport;
  /** Error events sent (envelope items of type `event`). */
  events(): Event[];
  /** All `discarded_events` of all client reports sent. */
  discarded(): DiscardedEvent[];
  /** Summed quantity of discarded events for a reason (category `error`). */
  discardedCount(reason: string): number;
}

/** A capturing transport: the SDK serializes real envelopes; we parse them back. */
export function captureTransport(): Capture {
  const envelopes: Envelope[] = [];
  const items = (type: string): unknown[] =>
    envelopes.flatMap(([, envelopeItems]) =>
      envelopeItems.filter(([header]) => header.type === type).map(([, payload]) => payload),
    );
  return {
    envelopes,
    transport: (options) =>
      createTransport(options, async (request) => {
        envelopes.push(parseEnvelope(request.body));
        return { statusCode: 200 };
      }),
    events: () => items('event') as Event[],
    discarded: () =>
      items('client_report').flatMap(
        (report) => (report as { discarded_events: DiscardedEvent[] }).discarded_events,
      ),
    discardedCount(reason) {
      return this.discarded()
        .filter((entry) => entry.reason === reason && entry.category === 'error')
        .reduce((total, entry) => total + entry.quantity, 0);
    },
  };
}
