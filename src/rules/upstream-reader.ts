import type { UpstreamFacts } from './upstream-vocabulary.js';

/**
 * How a classifier reads an event's upstream error for the rule condition `upstream` and for
 * `upstreamTags`: the taxonomy's `eventUpstreamError`, or nothing where the app never imports it.
 */
export type UpstreamReader = (event: unknown, originalException: unknown) => UpstreamFacts | undefined;

/** The taxonomy as an integration takes it (`upstreamTaxonomy` from `sentry-expected-errors/upstream`). */
export interface UpstreamTaxonomy {
  /** Reads an event's upstream error: the live `hint.originalException`, else the serialized event. */
  readonly read: UpstreamReader;
}

const READER = Symbol.for('sentry-expected-errors.upstream-reader');

/**
 * The `upstream` condition of a built-in rule, carrying the taxonomy that decides it. The reference is a
 * non-enumerable symbol: the rule stays plain data (JSON and `checkRules` see `{ type, reason, retryable }`),
 * and only apps that import a pack with such rules bundle the taxonomy.
 */
export function withUpstreamReader<Condition extends object>(
  condition: Condition,
  reader: UpstreamReader,
): Condition {
  const carrying = { ...condition };
  Object.defineProperty(carrying, READER, { value: reader });
  return carrying;
}

/** The reader the first rule with an `upstream` condition carries (`withUpstreamReader`), if any. */
export function upstreamReaderOf(rules: readonly unknown[]): UpstreamReader | undefined {
  for (const rule of rules) {
    const condition =
      typeof rule === 'object' && rule !== null ? (rule as { upstream?: unknown }).upstream : undefined;
    if (typeof condition !== 'object' || condition === null) continue;
    const reader = (condition as { [READER]?: unknown })[READER];
    if (typeof reader === 'function') return reader as UpstreamReader;
  }
  return undefined;
}

/** What a refusal says when an `upstream` condition (or `upstreamTags`) has no taxonomy to read with. */
export const TAXONOMY_NEEDED =
  "needs the upstream taxonomy: pass `taxonomy: upstreamTaxonomy` (import { upstreamTaxonomy } from 'sentry-expected-errors/upstream')";
