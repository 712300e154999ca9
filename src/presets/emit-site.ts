import type { Rule, RuleAction, RuleExamples } from '../rules/types.js';

/** One emit site: the prefix the app's code wraps the error with, and its examples. */
export interface EmitSite {
  readonly prefix: string;
  readonly examples?: RuleExamples;
}

/** Options of `emitSiteRules`. */
export interface EmitSiteOptions {
  readonly kind: string;
  /** @default 'breadcrumb' */
  readonly action?: RuleAction;
  /**
   * The body anchor every site must also carry (or several, any of which will do). It is what keeps a
   * third party's error at the same emit site — a user's own provider key rejected with
   * `invalid_api_key` — from matching.
   */
  readonly envelope: string | readonly string[];
  /** Rule id → the emit-site prefix (or prefix and examples). Each site becomes one rule. */
  readonly sites: Readonly<Record<string, string | EmitSite>>;
  /** @default false */
  readonly ignoreCase?: boolean;
}

/**
 * Conjunctive, prefix-anchored rules from a table of emit-site prefixes × a body envelope: each site
 * matches only when its prefix **and** the envelope are both present, so adding an emit site is one line
 * instead of a copy of the whole rule.
 *
 * @example
 * emitSiteRules({
 *   kind: 'session_expired',
 *   envelope: '"error":"Invalid token"',
 *   sites: {
 *     'backend-chat-invalid-token': 'OpenHuman API error (401',
 *     'backend-embedding-invalid-token': 'Embedding API error (401',
 *     'backend-streaming-invalid-token': 'OpenHuman streaming API error (401',
 *   },
 * });
 */
export function emitSiteRules(options: EmitSiteOptions): Rule[] {
  const envelopes = typeof options.envelope === 'string' ? [options.envelope] : [...options.envelope];
  return Object.entries(options.sites).map(([id, site]) => {
    const { prefix, examples } = typeof site === 'string' ? { prefix: site, examples: undefined } : site;
    return {
      id,
      kind: options.kind,
      action: options.action ?? 'breadcrumb',
      ...(envelopes.length === 1
        ? { all: [prefix, envelopes[0] as string] }
        : { all: [prefix], any: envelopes }),
      ...(options.ignoreCase === undefined ? {} : { ignoreCase: options.ignoreCase }),
      ...(examples === undefined ? {} : { examples }),
    };
  });
}
