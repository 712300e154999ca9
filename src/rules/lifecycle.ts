import type { Matcher } from './conditions.js';
import type { Facts } from './facts.js';
import type { NormalizedRule } from './validate.js';

/**
 * A matcher that honours the rules' lifecycle (`expires`, `shadow`): an expired rule decides nothing, as if
 * it were not there; a shadow rule decides only where no enforced rule matches, and its match is marked
 * (the caller reports it and sends the event). Rule sets without either are matched as they are, at no
 * cost; with them every matching rule is listed (`matchAll`) and the precedence applied here: a matching
 * `report` rule, else the first. `onExpired` hears each rule's expiry once, when it first matters.
 */
export function withLifecycle(
  matcher: Matcher,
  rules: readonly NormalizedRule[],
  now: () => number,
  onExpired: (rule: NormalizedRule) => void,
): Matcher {
  if (!rules.some((rule) => rule.shadow || rule.expiresAt !== undefined)) return matcher;
  const announced = new Set<string>();
  const active = (rule: NormalizedRule, time: number): boolean => {
    if (rule.expiresAt === undefined || time < rule.expiresAt) return true;
    if (!announced.has(rule.id)) {
      announced.add(rule.id);
      onExpired(rule);
    }
    return false;
  };
  const match = (facts: Facts): NormalizedRule | undefined => {
    const time = now();
    let first: NormalizedRule | undefined;
    let shadow: NormalizedRule | undefined;
    for (const rule of matcher.matchAll(facts)) {
      if (!active(rule, time)) continue;
      if (rule.shadow) {
        shadow ??= rule;
        continue;
      }
      if (rule.action === 'report') return rule;
      first ??= rule;
    }
    return first ?? shadow;
  };
  // Shadow and expired rules reorder precedence: a claim is decided in full.
  return { match, claim: match, matchAll: matcher.matchAll, stats: matcher.stats };
}
