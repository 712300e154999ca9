import { outermostType, type Sample } from './sample.js';
import { templateOf } from './stable-pieces.js';

/** Samples that read the same once parameterized: one exception type, one template. */
export interface Cluster {
  readonly key: string;
  readonly exceptionType: string | undefined;
  /** The headline's template, e.g. `Error: user <email> not found`. */
  readonly template: string;
  readonly samples: Sample[];
  /** Events the samples stand for. */
  events: number;
}

/**
 * Groups samples by exception type and parameterized headline, as Sentry's grouping titles issues;
 * clusters come out by volume, largest first (ties: template order, for a stable output).
 */
export function clusterSamples(samples: Iterable<Sample>): Cluster[] {
  const clusters = new Map<string, Cluster>();
  for (const sample of samples) {
    const exceptionType = outermostType(sample);
    const template = templateOf(sample.headline);
    const key = `${exceptionType ?? ''}\u0000${template}`;
    let cluster = clusters.get(key);
    if (cluster === undefined) {
      cluster = { key, exceptionType, template, samples: [], events: 0 };
      clusters.set(key, cluster);
    }
    cluster.samples.push(sample);
    cluster.events += sample.weight;
  }
  return [...clusters.values()].sort(
    (left, right) => right.events - left.events || (left.key < right.key ? -1 : left.key > right.key ? 1 : 0),
  );
}

/** Distinct issues among samples: an issue's id, else (events without a group) the cluster's template. */
export function issueCount(samples: readonly Sample[], fallback: string): number {
  return new Set(samples.map((sample) => sample.issue ?? fallback)).size;
}
