import { breadcrumbFacts, eventFacts } from './event-text.js';
import { expectedMarkOf } from './expected-error.js';
import { compileRules } from './rules/compile.js';
import { exampleFacts, type Facts, type UpstreamFacts } from './rules/facts.js';
import { createMatcher } from './rules/match.js';
import type { PatternCheck } from './rules/pattern.js';
import type { Classification, Rule, RuleExample } from './rules/types.js';
import type { NormalizedRule } from './rules/validate.js';
import { serializedMarkOf } from './serialized-mark.js';

/** Options of `createClassifier`. */
export interface ClassifierOptions {
  /** Rules in precedence order (a matching `report` rule always wins). @default [] */
  readonly rules?: readonly Rule[];
  /**
   * How many UTF-16 code units of each text field are scanned. Anchors beyond it are not seen; the
   * default is generous enough that only pathological (multi-megabyte) messages are cut.
   * @default 4194304
   */
  readonly maxTextLength?: number;
}

/** Size of a compiled classifier. */
export interface ClassifierStats {
  readonly rules: number;
  /** Distinct substrings across all rules' `all`, `any` and `none`. */
  readonly anchors: number;
  /** States of the multi-pattern automaton. */
  readonly states: number;
  /** Bytes held by the automaton's tables. */
  readonly bytes: number;
}

/** A compiled rule set. Create it once; classifying an event does one pass over each text field. */
export interface Classifier {
  /** The rules as given, in precedence order, each with its resolved `id`. */
  readonly rules: ReadonlyArray<Rule & { readonly id: string }>;
  readonly stats: ClassifierStats;
  /**
   * Decides a Sentry event: a typed expected error in `hint.originalException` (or its causes), or the
   * mark `expectedErrorMarksIntegration` left on a serialized event, first; then the rules. `undefined`
   * means no rule matched: the event must pass untouched.
   */
  classify(event: unknown, hint?: unknown): Classification | undefined;
  /** Decides a breadcrumb from its `message`, `data.url` and `data.status_code`. */
  classifyBreadcrumb(breadcrumb: unknown): Classification | undefined;
  /** Decides a rule example (a string, or text with status, exception type and tags). */
  classifyExample(example: string | RuleExample): Classification | undefined;
  /** Ids of every rule that matches the event, in order — to explain a decision. */
  explain(event: unknown, hint?: unknown): string[];
}

const DEFAULT_MAX_TEXT_LENGTH = 4 * 1024 * 1024;

/**
 * Options `buildClassifier` is given, already checked by its caller (`createClassifier` checks them, the
 * integration checks its own options): `rules` is an array, `maxTextLength` a positive integer.
 */
export interface CheckedClassifierOptions {
  readonly rules: readonly unknown[];
  readonly maxTextLength?: number | undefined;
}

/**
 * How a classifier reads an event's upstream error for the rule condition `upstream`: the taxonomy
 * (`createClassifier`), or the integration's stand-in that answers once the taxonomy has loaded.
 */
export type UpstreamReader = (event: unknown, originalException: unknown) => UpstreamFacts | undefined;

/** What `buildClassifier` is given besides the options: how to read upstream errors and check patterns. */
export interface ClassifierParts {
  readonly readUpstream: UpstreamReader;
  readonly checkPattern: PatternCheck;
}

/**
 * `createClassifier` with the upstream reader and the pattern check given, so that this module (and the
 * integration, which builds its classifier here) imports neither the taxonomy nor the pattern analysis.
 */
export function buildClassifier(
  { rules, maxTextLength = DEFAULT_MAX_TEXT_LENGTH }: CheckedClassifierOptions,
  { readUpstream, checkPattern }: ClassifierParts,
): Classifier {
  const compiled = compileRules(rules, checkPattern);
  const matcher = createMatcher(compiled, maxTextLength);
  const decide = (facts: Facts): Classification | undefined => toClassification(matcher.match(facts));

  return {
    rules: compiled.rules.map((rule) => ({ ...rule.source, id: rule.id })),
    stats: {
      rules: compiled.rules.length,
      anchors: compiled.anchorText.length,
      states: compiled.automaton.stateCount,
      bytes: compiled.automaton.byteLength,
    },
    classify(event, hint) {
      const originalException = originalExceptionOf(hint);
      // The live error's mark; else the one `expectedErrorMarksIntegration` wrote where it was thrown.
      const mark = expectedMarkOf(originalException) ?? serializedMarkOf(event);
      if (mark)
        return { kind: mark.kind, action: mark.action, rule: `typed:${mark.kind}`, summary: 'redacted' };
      return decide(liveEventFacts(event, hint, originalException, readUpstream));
    },
    classifyBreadcrumb(breadcrumb) {
      return decide(breadcrumbFactsWithUpstream(breadcrumb, readUpstream));
    },
    classifyExample(example) {
      return decide(exampleFacts(typeof example === 'string' ? { text: example } : example));
    },
    explain(event, hint) {
      return matcher
        .matchAll(liveEventFacts(event, hint, originalExceptionOf(hint), readUpstream))
        .map((rule) => rule.id);
    },
  };
}

function originalExceptionOf(hint: unknown): unknown {
  return typeof hint === 'object' && hint !== null
    ? (hint as { originalException?: unknown }).originalException
    : undefined;
}

/** An event's facts, with its upstream error read only if a rule's `upstream` condition asks for it. */
function liveEventFacts(
  event: unknown,
  hint: unknown,
  originalException: unknown,
  readUpstream: UpstreamReader,
): Facts {
  return { ...eventFacts(event, hint), upstream: () => readUpstream(event, originalException) };
}

/**
 * A breadcrumb's facts, with its upstream error read (only if a rule asks) as that of an event with the
 * breadcrumb's text and status: an `http`/`fetch` breadcrumb of a 503 is as transient as the error.
 */
function breadcrumbFactsWithUpstream(breadcrumb: unknown, readUpstream: UpstreamReader): Facts {
  const facts = breadcrumbFacts(breadcrumb);
  const [status] = facts.statuses;
  const asEvent = {
    message: facts.fields.map((parts) => parts.join('')).join('\n'),
    ...(status === undefined ? {} : { tags: { 'http.response.status_code': status } }),
  };
  return { ...facts, upstream: () => readUpstream(asEvent, undefined) };
}

function toClassification(rule: NormalizedRule | undefined): Classification | undefined {
  if (!rule) return undefined;
  return {
    kind: rule.kind,
    action: rule.action,
    rule: rule.id,
    summary: rule.summary,
    ...(rule.sample === undefined ? {} : { sample: rule.sample }),
    ...(rule.uncaught === undefined ? {} : { uncaught: rule.uncaught }),
  };
}
