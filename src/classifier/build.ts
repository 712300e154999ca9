import { breadcrumbFacts, eventFacts, originalExceptionOf } from '../event/facts.js';
import { framePackages } from '../event/frame-packages.js';
import { expectedMarkOf } from '../marks/expected-error.js';
import { serializedMarkOf } from '../marks/serialized-mark-reader.js';
import { RuleConfigError, ruleProblem } from '../rules/errors.js';
import { exampleFacts, type Facts, type UpstreamFacts } from '../rules/facts.js';
import type { IndexedMatcherSteps } from '../rules/indexed-match.js';
import { withLifecycle } from '../rules/lifecycle.js';
import type { PatternCompiler } from '../rules/pattern.js';
import { createSimpleMatcher, fitsSimpleMatch } from '../rules/simple-match.js';
import type { Classification, Rule, RuleExample } from '../rules/types.js';
import { TAXONOMY_NEEDED, type UpstreamReader, upstreamReaderOf } from '../rules/upstream-reader.js';
import { type NormalizedRule, normalizeRules } from '../rules/validate.js';

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
  /**
   * States of the multi-pattern automaton; 0 when none is used (up to 6 anchors, searched directly, or
   * rules matched without an index: see `ClassifierParts.indexed`).
   */
  readonly states: number;
  /** Bytes held by the automaton's tables (0 without one). */
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

/** A compiled rule set: its classifier, and the question enforce mode asks of it. */
export interface CompiledClassifier {
  readonly classifier: Classifier;
  /**
   * `classifier.classify` for enforce mode, where a guard (`report` rule) matching alone sends the event as
   * no match does: the same answer whenever a rule that is no guard matches, else `undefined`, so an event
   * no rule claims is never tried against the guards (nor read as an upstream error for them).
   */
  claim(event: unknown, hint?: unknown): Classification | undefined;
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
 * What `buildClassifier` is given besides the options: how to read upstream errors (`undefined` where the
 * taxonomy is not imported: a rule with an `upstream` condition is then refused), how to check patterns,
 * and when to build the rule index, whose tables and automaton find the deciding rule in one pass over a
 * field whatever the number of rules (`'when-large'`: only for sets too large to try every rule in turn,
 * `fitsSimpleMatch`; `'never'`: every rule tried in turn — the same answers either way, as the
 * differential test holds them).
 */
export interface ClassifierParts {
  readonly readUpstream: UpstreamReader | undefined;
  readonly compilePattern: PatternCompiler | undefined;
  readonly index: 'always' | 'when-large' | 'never';
  /**
   * The index's builder (`ruleIndex`), where the caller imports it: without it every rule is tried in turn,
   * whatever `index` says.
   */
  readonly indexed?: IndexedMatcherSteps | undefined;
  /** The clock rules' `expires` is read against. @default Date.now */
  readonly now?: () => number;
  /** Told once per rule when its `expires` has come (the integration's debug log). */
  readonly onExpired?: (rule: { readonly id: string; readonly expiresAt?: number | undefined }) => void;
}

const ignoreExpiry = (): void => undefined;

/** `createClassifier` with its parts given: the integration builds its classifiers here too. */
export function buildClassifier(
  { rules, maxTextLength }: CheckedClassifierOptions,
  parts: ClassifierParts,
): Classifier {
  return finished(classifierSteps(normalizeRules(rules, parts.compilePattern), maxTextLength, parts))
    .classifier;
}

/** Runs `steps` to their end at once. */
export function finished<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Rules copied into `Classifier.rules` between two pauses of `classifierSteps`. */
const RULES_PER_STEP = 1_024;

/**
 * The classifier of rules `normalizeRules` has validated, in steps: its matcher (the index is built a
 * bounded piece at a time) and its public view of the rules.
 */
export function* classifierSteps(
  normalized: readonly NormalizedRule[],
  maxTextLength: number = DEFAULT_MAX_TEXT_LENGTH,
  parts: ClassifierParts,
): Generator<void, CompiledClassifier, void> {
  const readUpstream = upstreamReaderFor(normalized, parts.readUpstream);
  const indexed =
    parts.index === 'never' || (parts.index === 'when-large' && fitsSimpleMatch(normalized))
      ? undefined
      : parts.indexed;
  const matcher = withLifecycle(
    indexed ? yield* indexed(normalized, maxTextLength) : createSimpleMatcher(normalized, maxTextLength),
    normalized,
    parts.now ?? Date.now,
    parts.onExpired ?? ignoreExpiry,
  );
  yield;
  const decide = (facts: Facts): Classification | undefined => toClassification(matcher.match(facts));
  const claimOf = (facts: Facts): Classification | undefined => toClassification(matcher.claim(facts));
  // The event being matched, for one shared upstream thunk: a closure made per event costs more than a
  // small rule set's whole scan. Set only while a match runs (it calls the thunk synchronously).
  let liveEvent: unknown;
  let liveOriginalException: unknown;
  const liveUpstream = (): UpstreamFacts | undefined => readUpstream(liveEvent, liveOriginalException);
  // The packages of the event's frames, read once per event and only for a rule with `thrownBy`.
  let livePackagesRead: readonly string[] | undefined;
  const livePackages = (): readonly string[] => {
    livePackagesRead ??= framePackages(liveEvent);
    return livePackagesRead;
  };
  const publicRules: Array<Rule & { readonly id: string }> = [];
  for (const rule of normalized) {
    publicRules.push({ ...rule.source, id: rule.id });
    if (publicRules.length % RULES_PER_STEP === 0) yield;
  }

  // The live error's mark, else the one `expectedErrorMarksIntegration` wrote where it was thrown, decides
  // before the rules; `rulesDecide` is `decide` or `claimOf`.
  const classifyWith = (
    rulesDecide: (facts: Facts) => Classification | undefined,
    event: unknown,
    hint: unknown,
  ): Classification | undefined => {
    const originalException = originalExceptionOf(hint);
    const mark = expectedMarkOf(originalException) ?? serializedMarkOf(event);
    if (mark)
      return { kind: mark.kind, action: mark.action, rule: `typed:${mark.kind}`, summary: 'redacted' };
    liveEvent = event;
    liveOriginalException = originalException;
    try {
      return rulesDecide(withLiveReaders(eventFacts(event, hint), liveUpstream, livePackages));
    } finally {
      liveEvent = undefined;
      liveOriginalException = undefined;
      livePackagesRead = undefined;
    }
  };

  const classifier: Classifier = {
    rules: publicRules,
    stats: { rules: normalized.length, ...matcher.stats },
    classify: (event, hint) => classifyWith(decide, event, hint),
    classifyBreadcrumb(breadcrumb) {
      return decide(breadcrumbFactsWithUpstream(breadcrumb, readUpstream));
    },
    classifyExample(example) {
      return decide(exampleFacts(typeof example === 'string' ? { text: example } : example));
    },
    explain(event, hint) {
      liveEvent = event;
      liveOriginalException = originalExceptionOf(hint);
      try {
        return matcher
          .matchAll(withLiveReaders(eventFacts(event, hint), liveUpstream, livePackages))
          .map((rule) => rule.id);
      } finally {
        liveEvent = undefined;
        liveOriginalException = undefined;
        livePackagesRead = undefined;
      }
    },
  };
  return { classifier, claim: (event, hint) => classifyWith(claimOf, event, hint) };
}

/**
 * Facts with their costlier readers, each called only if a rule's other conditions hold: the upstream
 * error (`upstream`) and the packages that threw (`thrownBy`).
 */
function withLiveReaders(
  facts: Facts,
  upstream: () => UpstreamFacts | undefined,
  packages?: () => readonly string[],
): Facts {
  // Written out rather than spread: a spread copy costs more than the whole scan of a small rule set.
  return {
    fields: facts.fields,
    statuses: facts.statuses,
    exceptionTypes: facts.exceptionTypes,
    tags: facts.tags,
    upstream,
    packages,
  };
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
  return withLiveReaders(facts, () => readUpstream(asEvent, undefined));
}

function toClassification(rule: NormalizedRule | undefined): Classification | undefined {
  if (!rule) return undefined;
  const classification: { -readonly [Key in keyof Classification]: Classification[Key] } = {
    kind: rule.kind,
    action: rule.action,
    rule: rule.id,
    summary: rule.summary,
  };
  // Assigned rather than spread in: this runs for every matching event.
  if (rule.shadow) classification.shadow = true;
  if (rule.sample !== undefined) classification.sample = rule.sample;
  if (rule.uncaught !== undefined) classification.uncaught = rule.uncaught;
  return classification;
}

/**
 * The reader `upstream` conditions are decided with: the one given, else the taxonomy a built-in pack's
 * rules carry. Without either, a rule with such a condition could never match: it is refused.
 */
function upstreamReaderFor(
  normalized: readonly NormalizedRule[],
  given: UpstreamReader | undefined,
): UpstreamReader {
  const reader = given ?? upstreamReaderOf(normalized.map((rule) => rule.source));
  if (reader) return reader;
  const needing = normalized.find((rule) => rule.upstream !== undefined);
  if (needing) {
    throw new RuleConfigError([
      ruleProblem(needing.index, needing.id, 'upstream', ['upstream'], TAXONOMY_NEEDED),
    ]);
  }
  return NO_UPSTREAM;
}

const NO_UPSTREAM: UpstreamReader = () => undefined;
