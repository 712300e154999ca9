import type { RuleExamples } from '../../rules/types.js';

/**
 * The description and examples of each rule of a built-in pack, by rule id. They live apart from the
 * pack's rules so an app bundles them only where it checks rules (`checkRules`, the CLI), never for
 * deciding events.
 */
export type BuiltInRuleDocs = Readonly<
  Record<string, { readonly description: string; readonly examples: RuleExamples }>
>;
