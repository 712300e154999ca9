import { createClassifier } from '../../classifier/create.js';
import type { Rule } from '../../rules/types.js';
import type { Sample } from './sample.js';

/** One suggested rule, with what it claims in the data it was derived from. */
export interface SuggestedCandidate {
  readonly rule: Rule;
  /** Events of its own cluster(s) it claims. */
  readonly events: number;
  /** Distinct issues among them (events without an issue id count as one). */
  readonly issues: number;
  /** `events` over all events read, 0…1. */
  readonly share: number;
  /** Events of counter-examples it claims (0 by construction; measured, not assumed). */
  readonly counterExamplesClaimed: number;
}

/**
 * Classifies every sample with the suggested rules together (first match wins, as in the integration)
 * and counts, per rule, the events and issues it claims that are its own (`isOwn`) and the events of
 * counter-examples it claims. Candidates come out by events, largest first.
 */
export function tallyCandidates(
  rules: readonly Rule[],
  samples: readonly Sample[],
  totalEvents: number,
  isOwn: (sample: Sample, ruleId: string) => boolean,
): SuggestedCandidate[] {
  if (rules.length === 0) return [];
  const classifier = createClassifier({ rules });
  const counts = new Map(
    rules.map((rule) => [rule.id ?? '', { events: 0, counter: 0, issues: new Set<string>() }]),
  );
  for (const sample of samples) {
    const classification = classifier.classify(sample.event);
    const count = classification === undefined ? undefined : counts.get(classification.rule);
    if (classification === undefined || count === undefined) continue;
    if (isOwn(sample, classification.rule)) {
      count.events += sample.weight;
      count.issues.add(sample.issue ?? '\u0000');
    } else count.counter += sample.weight;
  }
  return rules
    .map((rule) => {
      const count = counts.get(rule.id ?? '') ?? { events: 0, counter: 0, issues: new Set<string>() };
      return {
        rule,
        events: count.events,
        issues: count.issues.size,
        share: totalEvents > 0 ? count.events / totalEvents : 0,
        counterExamplesClaimed: count.counter,
      };
    })
    .sort((left, right) => right.events - left.events);
}
