import type { UpstreamFacts, UpstreamReason, UpstreamType } from './upstream-vocabulary.js';

/** What happens to an event a rule matches. `report` is a guard: a matching event always reaches Sentry. */
export type RuleAction = 'drop' | 'breadcrumb' | 'report';

/** A tag value as Sentry stores it. Rules compare tag values as strings. */
export type TagValue = string | number | boolean;

/**
 * An example a rule must (or must not) match, for `checkRules` and the test suite. A plain string is an
 * event whose only text is that string; the object form adds the structured facts a rule can require.
 */
export interface RuleExample {
  /** The event's text, e.g. an exception's `Type: value` or a message. */
  readonly text: string;
  /** HTTP status of the error, as a structured field would carry it. */
  readonly status?: number;
  /** Type of an exception in the chain. */
  readonly exceptionType?: string;
  /** Event tags. */
  readonly tags?: Readonly<Record<string, TagValue>>;
  /** The upstream error the event carries, as `categorizeUpstreamError` would read it. */
  readonly upstream?: UpstreamFacts;
  /** The npm package in whose code the error was thrown (a frame of its stack trace). */
  readonly thrownBy?: string;
}

/** A `pattern` written as plain JSON: `new RegExp(source, flags)`. */
export interface PatternSource {
  readonly source: string;
  /** RegExp flags, e.g. `"i"`; `g` and `y` are ignored. */
  readonly flags?: string;
}

/**
 * The rule condition `upstream`: the event's error, as `categorizeUpstreamError` reads it, has every
 * property given (one of the values, for a list).
 */
export interface UpstreamCondition {
  /** The upstream error type (or one of these types). */
  readonly type?: UpstreamType | readonly UpstreamType[];
  /** The cause (or one of these causes). An error without a cause never matches a `reason`. */
  readonly reason?: UpstreamReason | readonly UpstreamReason[];
  /** Whether sending the same request again can succeed. */
  readonly retryable?: boolean;
  /**
   * Host globs (`api.stripe.com`, `*.openai.com`: any subdomain of openai.com): the failed request went to
   * one of these hosts, as the live error names it (axios `config.url`, got `options.url`, a kept
   * `request.url` / `response.url`, the Vercel AI SDK's `url`) or else a URL in its message. An error
   * that names no host never matches.
   */
  readonly host?: string | readonly string[];
}

/** Examples attached to a rule. */
export interface RuleExamples {
  /** Inputs this rule must classify (and must win for: an earlier rule claiming one is a shadowing bug). */
  readonly match?: readonly (string | RuleExample)[];
  /** Inputs this rule must not match (its polarity guards). */
  readonly noMatch?: readonly (string | RuleExample)[];
}

/**
 * A classification rule: plain data. It matches when every condition it sets holds.
 *
 * @example
 * const sessionExpired = defineRule({
 *   id: 'backend-invalid-token',
 *   kind: 'session_expired',
 *   action: 'breadcrumb',
 *   all: ['OpenHuman API error (401', '"error":"Invalid token"'],
 * });
 */
export interface Rule {
  /** Unique name, reported in tags, debug logs and the CLI. Generated from `kind` and position when absent. */
  readonly id?: string;
  /** The expected state, e.g. `session_expired`. */
  readonly kind: string;
  /** `drop`, `breadcrumb` (drop and leave a breadcrumb for the next event) or `report` (a guard). */
  readonly action: RuleAction;
  /** Free text: where the wire shape comes from. Not used for matching. */
  readonly description?: string;
  /** Substrings that must all appear in the event's text (not necessarily in the same field). */
  readonly all?: readonly string[];
  /** At least one of these substrings must appear. */
  readonly any?: readonly string[];
  /** None of these substrings may appear: the rule's polarity guard. */
  readonly none?: readonly string[];
  /**
   * Compare `all`, `any` and `none` case-insensitively (per UTF-16 code unit, simple lowercase mapping).
   * @default false
   */
  readonly ignoreCase?: boolean;
  /**
   * A RegExp one text field must match (plain JSON: `{ source, flags }`), matched by an automaton in time
   * linear in the text; refused at compile time where none can match it (backreferences, most lookaround,
   * more than 128 states). It sees the first 8,192 UTF-16 code units of the event's text, fields together.
   */
  readonly pattern?: RegExp | PatternSource;
  /** HTTP status (or statuses) of the error, read from structured fields only, never from the text. */
  readonly status?: number | readonly number[];
  /** Any exception in the chain has this `type` (or one of these). */
  readonly exceptionType?: string | readonly string[];
  /**
   * The npm package (or one of the packages) that threw: a frame of a stack trace in the chain runs in
   * its code (`node_modules/<name>/`), e.g. `'axios'`, `'@octokit/request'`. Read from the event's frames,
   * so it holds live and on replay alike; a bundled app (a browser build) has no `node_modules` paths,
   * and there it never holds.
   */
  readonly thrownBy?: string | readonly string[];
  /** Event tags must equal the value (or one of the values). */
  readonly tags?: Readonly<Record<string, TagValue | readonly TagValue[]>>;
  /**
   * The event's upstream error (the live error, else the serialized event, read by
   * `categorizeUpstreamError`) has these properties, e.g. `{ type: ['rate_limited', 'overloaded'],
   * retryable: true }`. Checked last, only when every other condition of the rule holds.
   */
  readonly upstream?: UpstreamCondition;
  /** Fraction (0…1) of this rule's matches the integration sends anyway, tagged as sampled. */
  readonly sample?: number;
  /** Whether the rule may also drop or demote uncaught errors and `fatal` events. @default false */
  readonly uncaught?: boolean;
  /**
   * An ISO 8601 date or date-time (`"2027-03-31"`, `"2027-03-31T12:00:00Z"`): from then on the rule decides
   * nothing, as if it were not there (the debug log says so once), and `checkRules` reports it `expired`.
   */
  readonly expires?: string;
  /**
   * The rule decides nothing: an event it claims (and no other rule does) is sent, tagged as in dry-run
   * (`expected_error.kind`, `.action`, `.rule`) and counted under `shadow` in `getStats()`. A new rule can
   * run beside enforced ones before it is trusted.
   */
  readonly shadow?: true;
  /**
   * What the breadcrumb left for a demoted event says: a short secret-redacted summary of the error, or
   * nothing but the kind and rule (for kinds whose text can carry personal data or paths).
   * @default 'redacted'
   */
  readonly summary?: 'redacted' | 'withheld';
  /** Examples checked by `checkRules`. */
  readonly examples?: RuleExamples;
}

/**
 * Identity function that types a rule literal.
 *
 * @example
 * const rule = defineRule({ kind: 'rate_limited', action: 'drop', status: 429 });
 */
export function defineRule<const R extends Rule>(rule: R): R {
  return rule;
}

/** The decision a classifier reached for one event or breadcrumb. */
export interface Classification {
  /** The expected state, from the winning rule (or the typed error). */
  readonly kind: string;
  /** What to do with it. */
  readonly action: RuleAction;
  /** The winning rule's id (`typed:<kind>` for a typed expected error). */
  readonly rule: string;
  /** Whether a demotion breadcrumb may carry a redacted summary of the error. */
  readonly summary: 'redacted' | 'withheld';
  /** The winning rule's `sample`, when it sets one. */
  readonly sample?: number;
  /** The winning rule's `uncaught`, when it sets one. */
  readonly uncaught?: boolean;
  /** Set when only a `shadow` rule claimed the event: it decides nothing, it is reported. */
  readonly shadow?: true;
}
