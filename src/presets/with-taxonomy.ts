import type { Rule } from '../rules/types.js';
import { withUpstreamReader } from '../rules/upstream-reader.js';
import { eventUpstreamError } from '../upstream/from-event.js';

/**
 * The pack's rules, each `upstream` condition carrying the taxonomy that decides it: an app that uses the
 * pack needs no `taxonomy` option, and one that uses no such pack never bundles the taxonomy.
 */
export function withTaxonomy(rules: readonly Rule[]): Rule[] {
  return rules.map((rule) =>
    rule.upstream === undefined
      ? rule
      : { ...rule, upstream: withUpstreamReader(rule.upstream, eventUpstreamError) },
  );
}
