import { isRecord, read } from '../event/guarded-read.js';
import { rememberRecent } from '../rules/recent-texts.js';
import type { UpstreamFacts } from '../rules/upstream-vocabulary.js';
import { codeSignals, STRONG_CODES, WEAK_CODES } from './body-codes.js';
import type { Evidence } from './evidence.js';
import { gatherEvidence } from './gather.js';
import { readString } from './read.js';
import { requestHost } from './request-host.js';
import { retryAfterFromHeaders, retryAfterFromText, shouldRetryFromHeaders } from './retry-after.js';
import { SIGNAL_OUTCOMES, type Signal, strongest } from './signals.js';
import { reasonFromStatus, retryableType, typeFromStatus } from './status-table.js';
import { causeSignal, symptomSignal } from './text-signals.js';
import { statusFromText } from './text-status.js';
import { truncateUtf8 } from './truncate.js';
import type { UpstreamErrorInfo, UpstreamErrorReason, UpstreamErrorType } from './types.js';

/** An error's category together with the text it was read from (for the user-facing rules). */
export interface Inspection {
  readonly info: UpstreamErrorInfo;
  /** The scanned texts joined by newlines: messages, bodies, HTML page titles. */
  readonly text: string;
}

/** Reasons a retry cannot fix: the SDK's `x-should-retry` or `isRetryable` never overrides them. */
const FINAL_REASONS: ReadonlySet<UpstreamErrorReason> = new Set([
  'context_overflow',
  'request_too_large',
  'quota_exhausted',
  'content_policy',
  'model_not_found',
  'invalid_api_key',
  'permission_denied',
  'cancelled',
  'tls',
]);
/** `statusFromText`, once per text of a storm. */
const statusInText = rememberRecent(statusFromText);
/** Undici's wrappers, whose message says nothing until the cause's is added. */
const WRAPPER_MESSAGES: ReadonlySet<string> = new Set(['fetch failed', 'terminated']);

/**
 * Categorizes an error from an LLM provider (or anything thrown on the way to one) into an upstream
 * error type, whether it is worth retrying, and why. Reads `openai` / `@anthropic-ai/sdk` `APIError`s
 * (mid-stream ones too), Vercel AI SDK `APICallError` / `RetryError`, Gemini, OpenRouter and Cohere
 * bodies, undici and Node transport errors, and strings as apps log them, following `cause` chains.
 * Never throws.
 *
 * @example
 * const info = categorizeUpstreamError(error);
 * // → { type: 'rate_limited', reason: 'quota_exhausted', retryable: false, status: 429, message: '429 You exceeded…' }
 * if (info.retryable) await sleep(info.retryAfterMs ?? 1_000);
 */
export function categorizeUpstreamError(error: unknown): UpstreamErrorInfo {
  try {
    return inspectUpstreamError(error).info;
  } catch {
    // Nothing an error can hold should get here (every read is guarded); the contract is never to throw.
    return { type: 'unknown', retryable: false, message: '' };
  }
}

/** `categorizeUpstreamError` and the text it read. May throw only on a bug: callers guard it. */
export function inspectUpstreamError(error: unknown): Inspection {
  const evidence = gatherEvidence(error);
  const text = evidence.texts.join('\n');
  const status = httpStatus(evidence, text);
  const retryAfterMs = retryAfterOf(evidence, text);
  const verdict = decide(evidence, text, status, () => retryAfterMs);
  const info: UpstreamErrorInfo = {
    type: verdict.type,
    retryable: retryableOf(verdict, evidence),
    ...(status === undefined ? {} : { status }),
    ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    message: truncateUtf8(rawMessage(error, evidence)),
  };
  return { info, text };
}

/**
 * What the rule condition `upstream` and the `upstreamTags` option read of an error: the type, reason
 * and retryability `categorizeUpstreamError` gives it, without the delay and message it also reports
 * (the delay is read only when it decides the type: Gemini's quota wording). Never throws.
 */
export function upstreamFactsOf(error: unknown): UpstreamFacts {
  try {
    const evidence = gatherEvidence(error);
    const text = evidence.texts.join('\n');
    const verdict = decide(evidence, text, httpStatus(evidence, text), () => retryAfterOf(evidence, text));
    const retryable = retryableOf(verdict, evidence);
    const facts: { -readonly [Key in keyof UpstreamFacts]: UpstreamFacts[Key] } = {
      type: verdict.type,
      retryable,
    };
    if (verdict.reason !== undefined) facts.reason = verdict.reason;
    const host = requestHost(evidence.urls, evidence.texts);
    if (host !== undefined) facts.host = host;
    return facts;
  } catch {
    // As `categorizeUpstreamError`: every read is guarded, and the contract is never to throw.
    return { type: 'unknown', retryable: false };
  }
}

/** How long the provider asked to wait: its headers, a body's retry delay, else the text. */
function retryAfterOf(evidence: Evidence, text: string): number | undefined {
  return retryAfterFromHeaders(evidence.headers) ?? evidence.retryDelayMs ?? retryAfterFromText(text);
}

/**
 * Whether a retry can succeed: never for a final reason; the SDK's verdict (`x-should-retry`, Vercel's
 * `isRetryable`) where the status table decided or nothing did; else the verdict's own.
 */
function retryableOf(verdict: Verdict, evidence: Evidence): boolean {
  if (verdict.reason !== undefined && FINAL_REASONS.has(verdict.reason)) return false;
  if (verdict.type !== 'unknown' && !verdict.overridable) return verdict.retryable;
  return shouldRetryFromHeaders(evidence.headers) ?? evidence.sdkRetryable ?? verdict.retryable;
}

interface Verdict {
  readonly type: UpstreamErrorType;
  readonly reason: UpstreamErrorReason | undefined;
  readonly retryable: boolean;
  /** Whether the server's `x-should-retry` may overrule `retryable` (only for a status-table verdict). */
  readonly overridable: boolean;
}

/**
 * The decision, in order: a timeout or a cancel with no response; a cause named by the body or its
 * text (before the status, which coder never reads past); the status table; what the transport says;
 * symptom phrases; generic body codes.
 */
function decide(
  evidence: Evidence,
  text: string,
  status: number | undefined,
  retryAfterMs: () => number | undefined,
): Verdict {
  const transport = strongest(evidence.transport);
  if (status === undefined && (transport === 'timeout' || transport === 'cancelled')) {
    return fromSignal(transport, undefined, retryAfterMs);
  }
  const cause = strongest([
    ...codeSignals(evidence.codes, STRONG_CODES),
    causeSignal(text),
    evidence.moderated ? 'content_policy' : undefined,
  ]);
  if (cause !== undefined) return fromSignal(cause, status, retryAfterMs);
  if (status !== undefined) {
    // OpenAI signals overload with a 503 (coder's provider override), once with a 429: a 429 or 5xx
    // whose body says "overloaded" is one, whichever provider sent it.
    if ((status === 429 || status >= 500) && symptomSignal(text) === 'overloaded') {
      return fromSignal('overloaded', status, retryAfterMs);
    }
    // GitHub answers its rate limits (primary and "secondary rate limit") with a 403, Google APIs theirs
    // (`rateLimitExceeded`) too: a 403 whose body names a rate limit is one, not a refusal.
    if (status === 403 && symptomSignal(text) === 'rate_limited') {
      return fromSignal('rate_limited', status, retryAfterMs);
    }
    const type = typeFromStatus(status);
    return { type, reason: reasonFromStatus(status), retryable: retryableType(type), overridable: true };
  }
  if (transport !== undefined) return fromSignal(transport, undefined, retryAfterMs);
  const symptom = symptomSignal(text) ?? strongest(codeSignals(evidence.codes, WEAK_CODES));
  if (symptom !== undefined) return fromSignal(symptom, undefined, retryAfterMs);
  return { type: 'unknown', reason: undefined, retryable: false, overridable: true };
}

function fromSignal(
  signal: Signal,
  status: number | undefined,
  retryAfterMs: () => number | undefined,
): Verdict {
  // Gemini words its per-minute limit like an exhausted quota; only the retry delay tells them apart.
  const resolved =
    signal !== 'quota_exceeded' ? signal : retryAfterMs() === undefined ? 'quota_exhausted' : 'rate_limited';
  const outcome = SIGNAL_OUTCOMES[resolved];
  const type = outcome.overridesStatus || status === undefined ? outcome.type : typeFromStatus(status);
  return { type, reason: outcome.reason, retryable: outcome.retryable, overridable: false };
}

/**
 * The HTTP status: the innermost error object's (an app's `HttpError(502)` around a provider 429 is a
 * 429 upstream), else a body's numeric `code` (OpenRouter and Gemini errors sent with HTTP 200
 * mid-stream), else one stated in the text.
 */
function httpStatus(evidence: Evidence, text: string): number | undefined {
  return evidence.statuses.at(-1) ?? evidence.bodyStatuses[0] ?? statusInText(text);
}

/**
 * The error's own message, as stored: a string as is; an error's `message` (undici's `fetch failed`
 * with its cause's message added, as Node prints it); a body's message.
 */
function rawMessage(error: unknown, evidence: Evidence): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'number' || typeof error === 'boolean' || typeof error === 'bigint')
    return String(error);
  if (!isRecord(error)) return '';
  const message = readString(error, 'message');
  if (message === undefined) return evidence.texts[0] ?? '';
  const cause = read(error, 'cause');
  const causeMessage = isRecord(cause) ? readString(cause, 'message') : undefined;
  if (WRAPPER_MESSAGES.has(message) && causeMessage !== undefined) {
    return `${message}: ${causeMessage.slice(0, 2048)}`;
  }
  return message;
}
