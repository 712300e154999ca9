import type { Signal } from './signals.js';
import { errorStatus } from './status-table.js';

/** Most objects (errors, causes and body parts together) read from one input. */
const MAX_OBJECTS = 64;
const MAX_CODES = 64;
const MAX_TEXTS = 32;
const MAX_CODE_LENGTH = 100;

/** Everything the provider readers found on an error and its causes, before any decision. */
export interface Evidence {
  /** HTTP statuses of the error objects, outermost first. */
  readonly statuses: number[];
  /** Numeric `code`s of error bodies that are HTTP statuses (OpenRouter, Gemini). */
  readonly bodyStatuses: number[];
  /** Body `type` / `code` / gRPC `status` / `details[].reason` values, lowercased. */
  readonly codes: string[];
  /** Messages and text bodies, outermost first, each capped (an HTML page is reduced to its title). */
  readonly texts: string[];
  /** Signals from transport codes and error names (`ECONNRESET`, `TimeoutError`…). */
  readonly transport: Signal[];
  /** Header sources (`Headers`, plain records) in the order found. */
  readonly headers: object[];
  /** URLs of the failed request the error objects keep (axios `config.url`, got `options.url`…). */
  readonly urls: string[];
  /** Delay from a body (Gemini `RetryInfo.retryDelay`). */
  retryDelayMs: number | undefined;
  /** An SDK's own verdict (Vercel `isRetryable`). */
  sdkRetryable: boolean | undefined;
  /** A moderation block reported in a body's metadata (OpenRouter). */
  moderated: boolean;
  /** Objects already read, so cycles end and shared bodies are read once. */
  readonly seen: Set<object>;
}

/** An empty evidence record. */
export function createEvidence(): Evidence {
  return {
    statuses: [],
    bodyStatuses: [],
    codes: [],
    texts: [],
    transport: [],
    headers: [],
    urls: [],
    retryDelayMs: undefined,
    sdkRetryable: undefined,
    moderated: false,
    seen: new Set(),
  };
}

/** Marks `value` as read; `false` when it was already read or the object budget is spent. */
export function visit(evidence: Evidence, value: object): boolean {
  if (evidence.seen.has(value) || evidence.seen.size >= MAX_OBJECTS) return false;
  evidence.seen.add(value);
  return true;
}

/** Records a body `type` / `code` value. */
export function addCode(evidence: Evidence, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_CODE_LENGTH) return;
  const code = value.toLowerCase();
  if (evidence.codes.length < MAX_CODES && !evidence.codes.includes(code)) evidence.codes.push(code);
}

/** Records an HTTP status from an error object's field. */
export function addStatus(evidence: Evidence, value: unknown): void {
  const status = errorStatus(value);
  if (status !== undefined) evidence.statuses.push(status);
}

/** Records a text already reduced for scanning. */
export function pushText(evidence: Evidence, text: string): void {
  if (text.length > 0 && evidence.texts.length < MAX_TEXTS && !evidence.texts.includes(text)) {
    evidence.texts.push(text);
  }
}

/** Records a transport signal. */
export function addTransport(evidence: Evidence, signal: Signal | undefined): void {
  if (signal !== undefined && !evidence.transport.includes(signal)) evidence.transport.push(signal);
}
