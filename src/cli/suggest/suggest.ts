import { createClassifier } from '../../classifier/create.js';
import type { Rule } from '../../rules/types.js';
import { candidateRule, kindOf, uniqueId } from './candidate-rule.js';
import { cleanCandidates } from './clean-candidates.js';
import { type Cluster, clusterSamples, issueCount } from './cluster.js';
import { type Conditions, meetsConditions } from './conditions.js';
import { deriveConditions } from './derive.js';
import type { Sample } from './sample.js';
import { type SuggestedCandidate, tallyCandidates } from './tally.js';

export type { SuggestedCandidate } from './tally.js';

/** Options of `suggestRules`. */
export interface SuggestOptions {
  /** A rule set already in use: the clusters it claims are reported as covered, not suggested. */
  readonly existingRules?: readonly Rule[];
  /** Smallest cluster (in events) a rule is offered for. @default 2 */
  readonly minEvents?: number;
}

/** A cluster, described for the report. */
export interface ClusterReport {
  readonly template: string;
  readonly exceptionType?: string;
  readonly events: number;
  readonly issues: number;
}

/** What `suggestRules` found. */
export interface SuggestResult {
  /** Rules offered, by volume. */
  readonly candidates: readonly SuggestedCandidate[];
  /** Clusters an existing rule already claims, with the rule's id. */
  readonly covered: readonly (ClusterReport & { readonly rule: string })[];
  /** Clusters whose every stable substring counter-examples share too: no rule is offered. */
  readonly conflicts: readonly ClusterReport[];
  /** Clusters below `minEvents`. */
  readonly belowMinEvents: number;
  /** Events the samples stand for. */
  readonly events: number;
  /** Whether the data was triaged (archived issues, dry-run tags); without triage every cluster is offered. */
  readonly triaged: boolean;
}

/**
 * Suggests `breadcrumb` rules for a team's expected states: clusters the samples by exception type and
 * template, and derives for each the fewest stable substrings that claim it and no counter-example.
 * With triage, expected samples are clustered and every other sample is a counter-example; without,
 * every cluster is offered and the other clusters are its counter-examples.
 */
export function suggestRules(samples: readonly Sample[], options: SuggestOptions = {}): SuggestResult {
  const triaged = samples.some((sample) => sample.expected);
  const wanted = samples.filter((sample) => !triaged || sample.expected);
  const { covered, rest } = splitCovered(wanted, options.existingRules);
  const counters = triaged ? samples.filter((sample) => !sample.expected) : undefined;
  const derived: Array<{ conditions: Conditions; samples: Sample[]; cluster: Cluster }> = [];
  const conflicts: ClusterReport[] = [];
  let belowMinEvents = 0;
  const clusters = clusterSamples(rest);
  const clusterOfSample = new Map(
    clusters.flatMap((cluster) => cluster.samples.map((sample) => [sample, cluster] as const)),
  );
  const othersThan = (cluster: Cluster) => rest.filter((sample) => clusterOfSample.get(sample) !== cluster);
  for (const cluster of clusters) {
    if (cluster.events < (options.minEvents ?? 2)) {
      belowMinEvents++;
      continue;
    }
    const open = cluster.samples.filter(
      (sample) => !derived.some((done) => meetsConditions(sample, done.conditions)),
    );
    if (open.length === 0) continue;
    const against = counters ?? othersThan(cluster);
    const found = deriveOrSplit(open, against);
    if (found === undefined) conflicts.push(reportOf(cluster));
    else for (const part of found) derived.push({ ...part, cluster });
  }
  const taken = new Set<string>();
  const rules = derived.map(({ conditions, samples: own, cluster }) => {
    const kind = kindOf(cluster.template, cluster.exceptionType);
    const against = counters ?? othersThan(cluster);
    return candidateRule(uniqueId(kind, taken), kind, conditions, own, against);
  });
  const events = samples.reduce((sum, sample) => sum + sample.weight, 0);
  const owners = new Map(derived.map(({ cluster }, index) => [rules[index]?.id ?? '', cluster]));
  return {
    candidates: tallyCandidates(cleanCandidates(rules), samples, events, (sample, id) =>
      triaged ? sample.expected : clusterOfSample.get(sample) === owners.get(id),
    ),
    covered,
    conflicts,
    belowMinEvents,
    events,
    triaged,
  };
}

/** Conditions for the samples, or, when none exist, for each group of one status. */
function deriveOrSplit(
  samples: Sample[],
  counters: readonly Sample[],
): Array<{ conditions: Conditions; samples: Sample[] }> | undefined {
  const conditions = deriveConditions(samples, counters);
  if (conditions !== undefined) return [{ conditions, samples }];
  const byStatus = new Map<number | undefined, Sample[]>();
  for (const sample of samples) {
    const status = sample.statuses[0];
    byStatus.set(status, [...(byStatus.get(status) ?? []), sample]);
  }
  if (byStatus.size < 2 && byStatus.has(undefined)) return undefined;
  const parts: Array<{ conditions: Conditions; samples: Sample[] }> = [];
  for (const group of byStatus.values()) {
    const part = deriveConditions(group, counters);
    if (part !== undefined) parts.push({ conditions: part, samples: group });
  }
  return parts.length > 0 ? parts : undefined;
}

function splitCovered(
  samples: readonly Sample[],
  existing: readonly Rule[] | undefined,
): { covered: Array<ClusterReport & { rule: string }>; rest: Sample[] } {
  if (existing === undefined || existing.length === 0) return { covered: [], rest: [...samples] };
  const classifier = createClassifier({ rules: existing });
  const byRule = new Map<string, Sample[]>();
  const rest: Sample[] = [];
  for (const sample of samples) {
    const classification = classifier.classify(sample.event);
    if (classification === undefined || classification.action === 'report') rest.push(sample);
    else {
      const claimed = byRule.get(classification.rule);
      if (claimed === undefined) byRule.set(classification.rule, [sample]);
      else claimed.push(sample);
    }
  }
  const covered = [...byRule].flatMap(([rule, claimed]) =>
    clusterSamples(claimed).map((cluster) => ({ ...reportOf(cluster), rule })),
  );
  return { covered, rest };
}

function reportOf(cluster: Cluster): ClusterReport {
  return {
    template: cluster.template,
    ...(cluster.exceptionType === undefined ? {} : { exceptionType: cluster.exceptionType }),
    events: cluster.events,
    issues: issueCount(cluster.samples, cluster.key),
  };
}
