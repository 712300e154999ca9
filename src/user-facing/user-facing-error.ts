import { createTextMatcher, type TextMatcher } from '../rules/text-matcher.js';
import { type Inspection, inspectUpstreamError } from '../upstream/categorize.js';
import type { UpstreamErrorInfo } from '../upstream/types.js';
import { DEFAULT_USER_FACING_MESSAGES, type UserFacingCategory } from './messages.js';
import { UPSTREAM_CATEGORIES, USER_FACING_PHRASES, upstreamCategoryHolds } from './rules.js';

/** Options of `userFacingError`. */
export interface UserFacingErrorOptions {
  /**
   * Sentences replacing the defaults, per category (translations, product wording). A missing, empty or
   * non-string entry falls back to the default. They are shown as given: keep them free of details.
   * @default DEFAULT_USER_FACING_MESSAGES
   */
  readonly messages?: Partial<Readonly<Record<UserFacingCategory, string>>>;
  /**
   * Called with the raw error, its category and its upstream categorization, so the app can log the
   * full detail server-side (the returned message never carries it). A hook that throws or rejects
   * does not affect the result.
   * @default undefined
   */
  readonly onRaw?: (raw: unknown, category: UserFacingCategory, upstream: UpstreamErrorInfo) => void;
}

/** What `userFacingError` returns: a category and the fixed sentence configured for it. */
export interface UserFacingErrorResult {
  readonly category: UserFacingCategory;
  /** One of the configured sentences, never any part of the error. */
  readonly message: string;
}

const UNKNOWN_UPSTREAM: UpstreamErrorInfo = { type: 'unknown', retryable: false, message: '' };

let phrases: TextMatcher<UserFacingCategory> | undefined;

/**
 * Turns any error into something safe to show a user: a category and a fixed sentence. The sentence
 * never contains any part of the input (no traceback, path, URL, body, token or key): it is always one
 * of the defaults or of `options.messages`. Never throws.
 *
 * @example
 * const { category, message } = userFacingError(error, {
 *   onRaw: (raw, category) => logger.warn({ err: raw, category }, 'turn failed'),
 * });
 * sendToChat(message); // "The AI model is currently rate-limited. Please try again shortly."
 */
export function userFacingError(error: unknown, options?: UserFacingErrorOptions): UserFacingErrorResult {
  let inspection: Inspection | undefined;
  let category: UserFacingCategory;
  try {
    inspection = inspectUpstreamError(error);
    category = categoryOf(inspection);
  } catch {
    // A failure to read the error must still give the user an answer: the generic one.
    category = 'unknown';
  }
  notify(options, error, category, inspection?.info ?? UNKNOWN_UPSTREAM);
  return { category, message: sentenceFor(category, options) };
}

/** The category of an inspected error: the upstream verdict first, then the phrases, else `unknown`. */
function categoryOf(inspection: Inspection): UserFacingCategory {
  const upstream = UPSTREAM_CATEGORIES.find((entry) => upstreamCategoryHolds(entry, inspection.info));
  if (upstream) return upstream.category;
  phrases ??= createTextMatcher(USER_FACING_PHRASES);
  return phrases.match(inspection.text) ?? 'unknown';
}

/** The configured sentence of a category; options from plain JavaScript are not trusted to be well-formed. */
function sentenceFor(category: UserFacingCategory, options: UserFacingErrorOptions | undefined): string {
  try {
    const custom = options?.messages?.[category];
    if (typeof custom === 'string' && custom.trim().length > 0) return custom;
  } catch {
    // `messages` may be a Proxy or have a throwing getter: the default sentence is still safe to show.
    return DEFAULT_USER_FACING_MESSAGES[category];
  }
  return DEFAULT_USER_FACING_MESSAGES[category];
}

/** Calls `onRaw`, containing whatever it throws or rejects with. */
function notify(
  options: UserFacingErrorOptions | undefined,
  error: unknown,
  category: UserFacingCategory,
  upstream: UpstreamErrorInfo,
): void {
  try {
    const hook = options?.onRaw;
    if (typeof hook !== 'function') return;
    const result: unknown = hook(error, category, upstream);
    if (isThenable(result)) result.then(undefined, ignoreRejection);
  } catch {
    // Logging is the app's side channel: its failure must not change what the user is told.
    return;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}

/** A rejected `onRaw` promise would otherwise surface as an unhandled rejection. */
function ignoreRejection(): undefined {
  return undefined;
}
