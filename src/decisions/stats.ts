/** What the integration did about an expected error, as counted by `getStats`, `onDecision` and metrics. */
export type DecisionAction = 'drop' | 'breadcrumb' | 'sampled' | 'surge' | 'shadow';

/** Counts of one kind in `getStats()`. */
export interface KindStats {
  /** Events dropped. */
  readonly drop: number;
  /** Events demoted to a breadcrumb. */
  readonly breadcrumb: number;
  /** Matching events sent anyway by a rule's `sample`. */
  readonly sampled: number;
  /** Surge events raised for the kind. */
  readonly surges: number;
  /** Events only a `shadow` rule claimed (sent, tagged); present once there is one. */
  readonly shadow?: number;
  /** Drops, demotions and samples by rule id. */
  readonly rules: Readonly<Record<string, number>>;
}

/** `getStats()`: every decision since `since` (milliseconds since the epoch), by kind. */
export interface DecisionStats {
  readonly since: number;
  readonly kinds: Readonly<Record<string, KindStats>>;
}

/** Kinds and rules counted separately; past either cap, decisions are counted under `(other)`. */
export const MAX_COUNTED_KINDS = 200;
export const MAX_COUNTED_RULES_PER_KIND = 200;
export const OTHER = '(other)';

const ACTIONS: readonly DecisionAction[] = ['drop', 'breadcrumb', 'sampled', 'surge', 'shadow'];
const ACTION_INDEX: Readonly<Record<DecisionAction, number>> = {
  drop: 0,
  breadcrumb: 1,
  sampled: 2,
  surge: 3,
  shadow: 4,
};

/** The counts of one (kind, rule) pair, and how much of them has been reported as metrics. */
export interface CountEntry {
  readonly kind: string;
  readonly rule: string;
  readonly counts: number[];
  readonly reported: number[];
  pending: boolean;
}

/** A change not yet reported: `delta` more decisions of `action` for (kind, rule). */
export interface PendingCount {
  readonly kind: string;
  readonly rule: string;
  readonly action: DecisionAction;
  readonly delta: number;
}

/**
 * The decision counters of one integration. Counting is two map lookups and two increments; entries with
 * counts not yet reported as metrics are listed once each, so reporting costs one item per pair and action
 * however many decisions there were.
 */
export interface DecisionTable {
  /** Counts one decision; true when it is the first pending since the last `takePending`. */
  count(kind: string, rule: string, action: DecisionAction): boolean;
  /** The counts not yet reported, marking them reported. */
  takePending(): PendingCount[];
  snapshot(): DecisionStats;
}

/** Creates the counters; `since` is when counting started. */
export function decisionTable(since: number): DecisionTable {
  const kinds = new Map<string, Map<string, CountEntry>>();
  let pending: CountEntry[] = [];

  const entryOf = (kind: string, rule: string): CountEntry => {
    let rules = kinds.get(kind);
    let countedKind = kind;
    if (!rules) {
      if (kinds.size >= MAX_COUNTED_KINDS) countedKind = OTHER;
      rules = kinds.get(countedKind) ?? new Map<string, CountEntry>();
      kinds.set(countedKind, rules);
    }
    let entry = rules.get(rule);
    if (!entry) {
      const countedRule = rules.size >= MAX_COUNTED_RULES_PER_KIND ? OTHER : rule;
      entry = rules.get(countedRule) ?? {
        kind: countedKind,
        rule: countedRule,
        counts: [0, 0, 0, 0, 0],
        reported: [0, 0, 0, 0, 0],
        pending: false,
      };
      rules.set(countedRule, entry);
    }
    return entry;
  };

  return {
    count(kind, rule, action) {
      const entry = entryOf(kind, rule);
      (entry.counts[ACTION_INDEX[action]] as number)++;
      if (entry.pending) return false;
      entry.pending = true;
      pending.push(entry);
      return pending.length === 1;
    },
    takePending() {
      const taken = pending;
      pending = [];
      const changes: PendingCount[] = [];
      for (const entry of taken) {
        entry.pending = false;
        for (const [index, action] of ACTIONS.entries()) {
          const delta = (entry.counts[index] as number) - (entry.reported[index] as number);
          if (delta > 0) changes.push({ kind: entry.kind, rule: entry.rule, action, delta });
          entry.reported[index] = entry.counts[index] as number;
        }
      }
      return changes;
    },
    snapshot() {
      const snapshot: Record<string, KindStats> = {};
      for (const [kind, rules] of kinds) {
        const totals = [0, 0, 0, 0, 0];
        const byRule: Record<string, number> = {};
        for (const [rule, entry] of rules) {
          for (const index of totals.keys())
            totals[index] = (totals[index] ?? 0) + (entry.counts[index] ?? 0);
          const decided = (entry.counts[0] ?? 0) + (entry.counts[1] ?? 0) + (entry.counts[2] ?? 0);
          if (decided > 0) byRule[rule] = decided;
        }
        snapshot[kind] = {
          drop: totals[0] ?? 0,
          breadcrumb: totals[1] ?? 0,
          sampled: totals[2] ?? 0,
          surges: totals[3] ?? 0,
          ...(totals[4] ? { shadow: totals[4] } : {}),
          rules: byRule,
        };
      }
      return { since, kinds: snapshot };
    },
  };
}
