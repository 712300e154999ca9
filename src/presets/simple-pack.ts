import type { Rule } from '../rules/types.js';
import {
  applyActions,
  checkPackOptions,
  checkRunsOn,
  type DemotingAction,
  type RunsOn,
} from './pack-options.js';
import { withTaxonomy } from './with-taxonomy.js';

/**
 * The rules of a pack with one demoting action (and, where it tells the two apart, `runsOn`), after
 * checking its options: guards keep `report`, every other rule gets the pack's action.
 */
export function simplePackRules(
  pack: string,
  options: { readonly action?: DemotingAction; readonly runsOn?: RunsOn } | undefined,
  rules: readonly Rule[],
  otherOptions: readonly string[] = [],
): Rule[] {
  checkPackOptions(pack, options, ['action', ...otherOptions]);
  if (otherOptions.includes('runsOn')) checkRunsOn(pack, options?.runsOn);
  return withTaxonomy(applyActions(rules, options?.action ?? 'breadcrumb'));
}
