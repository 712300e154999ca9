import { checkRuleSet, type RuleCheckReport } from './check.js';
import { indexedMatcher } from './indexed-match.js';
import { compileLinearPattern } from './linear-pattern.js';
import type { Rule } from './types.js';
import { normalizeRules } from './validate.js';

/**
 * One entry of a text matcher: substrings (or a pattern) that, found in a text, give it a label. The
 * same text conditions as a rule's (`all`, `any`, `none`, `pattern`, `ignoreCase`), and nothing about
 * events or actions.
 */
export interface TextMatcherEntry<L extends string = string> {
  /** Unique name, reported by `checkTextMatcher`. */
  readonly id: string;
  /** What a text this entry matches is. */
  readonly label: L;
  /** Where the wording comes from. Not used for matching. */
  readonly description?: string;
  /** Substrings that must all appear. */
  readonly all?: readonly string[];
  /** At least one of these must appear. */
  readonly any?: readonly string[];
  /** None of these may appear. */
  readonly none?: readonly string[];
  /** A RegExp the text must match (matched in linear time, as a rule's). */
  readonly pattern?: RegExp;
  /** Compare case-insensitively (as a rule's `ignoreCase`). @default false */
  readonly ignoreCase?: boolean;
  /** Texts the entry must label (and be the first to), and texts it must not match. */
  readonly examples?: { readonly match?: readonly string[]; readonly noMatch?: readonly string[] };
}

/**
 * The descriptions and examples of a table's entries, by entry id, kept apart from the table so code
 * that only matches never bundles them (`checkTextMatcher` takes them).
 */
export type TextMatcherDocs = Readonly<
  Record<
    string,
    { readonly description: string; readonly examples: NonNullable<TextMatcherEntry['examples']> }
  >
>;

/** Entries compiled into one scan: the label of the first entry that matches a text. */
export interface TextMatcher<L extends string = string> {
  readonly entries: readonly TextMatcherEntry<L>[];
  /** The label of the first entry (in order) that matches `text`, or `undefined`. */
  match(text: string): L | undefined;
}

/** Options of `createTextMatcher`. */
export interface TextMatcherOptions {
  /** How many UTF-16 code units of a text are scanned. @default 65536 */
  readonly maxTextLength?: number;
}

const DEFAULT_MAX_TEXT_LENGTH = 64 * 1024;

/**
 * Compiles a table of phrases into a matcher (one pass over the text, whatever the number of entries),
 * for code that labels text without classifying Sentry events: the upstream taxonomy's phrases, the
 * user-facing categories. Throws `RuleConfigError` naming the entry and field of a malformed entry.
 *
 * @example
 * const matcher = createTextMatcher([{ id: 'rate-limit', label: 'rate_limited', ignoreCase: true, any: ['rate limit'] }]);
 * matcher.match('Rate limit reached for requests'); // → 'rate_limited'
 */
export function createTextMatcher<L extends string>(
  entries: readonly TextMatcherEntry<L>[],
  options: TextMatcherOptions = {},
): TextMatcher<L> {
  const matcher = indexedMatcher(
    normalizeRules(entries.map(asRule), compileLinearPattern),
    options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH,
  );
  const labels = entries.map((entry) => entry.label);
  return {
    entries,
    match(text) {
      if (text.length === 0) return undefined;
      const rule = matcher.match({ fields: [[text]], statuses: [], exceptionTypes: [], tags: undefined });
      return rule === undefined ? undefined : labels[rule.index];
    },
  };
}

/**
 * Self-tests a table the way `checkRules` tests rules: every `match` example labelled by its own entry,
 * no `noMatch` example matched, no entry shadowed by an earlier one, contradictory or without examples.
 * An entry without a description and examples of its own is checked with its `docs`.
 */
export function checkTextMatcher(
  entries: readonly TextMatcherEntry[],
  docs: TextMatcherDocs = {},
): RuleCheckReport {
  return checkRuleSet(withTextMatcherDocs(entries, docs).map(asRule));
}

/** `entries`, each given its description and examples from `docs` where it has none of its own. */
export function withTextMatcherDocs<L extends string>(
  entries: readonly TextMatcherEntry<L>[],
  docs: TextMatcherDocs,
): TextMatcherEntry<L>[] {
  return entries.map((entry) => {
    const entryDocs = Object.hasOwn(docs, entry.id) ? docs[entry.id] : undefined;
    if (!entryDocs) return entry;
    return {
      ...entry,
      description: entry.description ?? entryDocs.description,
      examples: entry.examples ?? entryDocs.examples,
    };
  });
}

/**
 * An entry in the compiler's terms. Only the first match is asked for, so every entry gets the same
 * action and precedence is the table's order.
 */
function asRule({ label, ...conditions }: TextMatcherEntry): Rule {
  return { ...conditions, kind: label, action: 'drop' };
}
