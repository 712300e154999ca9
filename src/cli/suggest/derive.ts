import { type Conditions, holds, meetsConditions, meetsFacts } from './conditions.js';
import { outermostType, type Sample } from './sample.js';
import { commonPieces, commonRawSubstrings } from './stable-pieces.js';

/**
 * The fewest stable substrings that claim every sample of a cluster and no counter-example, with the
 * cluster's exception type and status where they are constant; `undefined` when no such set exists.
 *
 * The longest common constant piece first (what names the cluster), then, while a counter-example still
 * matches, the piece the fewest remaining counter-examples hold; last, any piece the others make
 * redundant is dropped again. Template pieces are tried first; raw common substrings only if those
 * cannot tell the cluster from its counter-examples.
 */
export function deriveConditions(
  samples: readonly Sample[],
  counters: readonly Sample[],
): Conditions | undefined {
  const facts = constantFacts(samples);
  const near = counters.filter((counter) => meetsFacts(counter, facts));
  const pieces = commonPieces(samples);
  return (
    greedy(pieces, near, facts) ??
    greedy([...new Set([...pieces, ...commonRawSubstrings(samples)])], near, facts)
  );
}

/** The exception type and status every sample shares (the outermost type; any structured status). */
export function constantFacts(samples: readonly Sample[]): Conditions {
  const types = new Set(samples.map(outermostType));
  const [type] = types;
  let statuses: readonly number[] | undefined;
  for (const sample of samples) {
    statuses =
      statuses === undefined
        ? sample.statuses
        : statuses.filter((status) => sample.statuses.includes(status));
  }
  const status = statuses?.[0];
  return {
    all: [],
    ...(types.size === 1 && type !== undefined ? { exceptionType: type } : {}),
    ...(status === undefined ? {} : { status }),
  };
}

function greedy(
  pieces: readonly string[],
  near: readonly Sample[],
  facts: Conditions,
): Conditions | undefined {
  const [anchor] = pieces;
  if (anchor === undefined) return undefined;
  const chosen = [anchor];
  let remaining = near.filter((counter) => holds(counter, anchor));
  while (remaining.length > 0) {
    let best: string | undefined;
    let bestCount = remaining.length;
    for (const piece of pieces) {
      if (chosen.includes(piece)) continue;
      const count = countHolding(remaining, piece, bestCount);
      if (count < bestCount) {
        best = piece;
        bestCount = count;
      }
    }
    if (best === undefined) return undefined;
    chosen.push(best);
    remaining = remaining.filter((counter) => holds(counter, best));
  }
  return prune({ ...facts, all: chosen }, near);
}

/** Drops each piece the others make redundant (the last added are tried first: the anchor stays longest). */
function prune(conditions: Conditions, near: readonly Sample[]): Conditions {
  let all = [...conditions.all];
  for (let index = all.length - 1; index >= 0 && all.length > 1; index--) {
    const without = { ...conditions, all: all.filter((_, position) => position !== index) };
    if (!near.some((counter) => meetsConditions(counter, without))) all = [...without.all];
  }
  return { ...conditions, all };
}

/** How many samples hold `piece`, counting no further than `limit`. */
function countHolding(samples: readonly Sample[], piece: string, limit: number): number {
  let count = 0;
  for (const sample of samples) {
    if (holds(sample, piece) && ++count >= limit) return count;
  }
  return count;
}
