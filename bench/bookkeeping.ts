/**
 * The cost of applying a decision and its bookkeeping (per-rule counts, the surge window, metrics
 * aggregation, as the integration runs them for every drop or demotion) against the cost of classifying
 * the same events.
 */
import { createTransport, type Event } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { safetyNet } from '../src/decisions/safety-net.js';
import { DEFAULT_SURGE } from '../src/decisions/surge.js';
import { type Classification, createClassifier, type Rule } from '../src/index.js';
import { type BenchEvent, events, matchingEvents, substrings } from './workload.js';

/** Bookkeeping cost as a fraction of classify cost: median and range over alternating rounds. */
export interface BookkeepingRatio {
  readonly rounds: number;
  readonly classifyMicros: number;
  readonly bookkeepingMicros: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Classifies 64 matching events of `length` characters (100 rules over 10 kinds), then alternates rounds timing `classify` and
 * the bookkeeping of the resulting decisions; a Sentry client (no-op transport) receives what it reports.
 */
export async function bookkeepingRatio(
  length: number,
  perEventMicros: (
    perEvent: (event: BenchEvent) => unknown,
    inputs: readonly BenchEvent[],
    time?: number,
  ) => Promise<number>,
): Promise<BookkeepingRatio> {
  const anchors = substrings(100);
  const rules: Rule[] = anchors.map((anchor, index) => ({
    id: `rule-${index}`,
    kind: `kind-${index % 10}`,
    action: index % 2 === 0 ? 'drop' : 'breadcrumb',
    any: [anchor],
  }));
  const classifier = createClassifier({ rules });
  const inputs = matchingEvents(events(64, length), anchors);
  const decisions = new Map(
    inputs.map((event) => {
      const classification = classifier.classify(event);
      if (!classification) throw new Error('a bench event did not match');
      return [event, classification] as const;
    }),
  );
  // The defaults: surge on (more than 100 a minute per kind), metrics on.
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    defaultIntegrations: false,
    transport: (options) => createTransport(options, async () => ({ statusCode: 200 })),
  });
  const client = Sentry.getClient() as Sentry.NodeClient;
  const net = safetyNet({
    surge: DEFAULT_SURGE,
    metrics: true,
    onDecision: undefined,
    mode: 'enforce',
    random: Math.random,
  });
  net.setup(client);
  const classifyCosts: number[] = [];
  const bookkeepingCosts: number[] = [];
  const rounds = 9;
  for (let round = 0; round < rounds; round++) {
    classifyCosts.push(await perEventMicros((event) => classifier.classify(event), inputs, 300));
    bookkeepingCosts.push(
      await perEventMicros(
        (event) => {
          const classification = decisions.get(event) as Classification;
          const outcome = classification.action === 'breadcrumb' ? 'breadcrumb' : 'drop';
          // No demotion breadcrumb: the bookkeeping alone, as for a drop.
          return net.apply(event as Event, classification, outcome, client, undefined);
        },
        inputs,
        300,
      ),
    );
  }
  await Sentry.close();
  const ratios = classifyCosts.map((cost, index) => (bookkeepingCosts[index] as number) / cost);
  const sorted = [...ratios].sort((left, right) => left - right);
  const middle = (values: number[]) =>
    [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] as number;
  return {
    rounds,
    classifyMicros: middle(classifyCosts),
    bookkeepingMicros: middle(bookkeepingCosts),
    median: middle(ratios),
    min: sorted[0] as number,
    max: sorted.at(-1) as number,
  };
}
