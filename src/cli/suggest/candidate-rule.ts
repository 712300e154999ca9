import { redactSecrets } from '../../redact/index.js';
import type { Rule, RuleExample } from '../../rules/types.js';
import type { Conditions } from './conditions.js';
import { meetsConditions } from './conditions.js';
import { outermostType, type Sample } from './sample.js';

/** Words a kind never starts with or keeps: they name nothing. */
const FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'for',
  'in',
  'on',
  'at',
  'with',
  'and',
  'or',
  'is',
  'was',
  'error',
]);
const MAX_KIND_WORDS = 4;
const MAX_EXAMPLES = 2;
/** Samples looked at for match examples. */
const MAX_SAMPLES_READ = 50;

/**
 * The kind a template names: its first few words after the exception type, in snake case
 * (`Error: user <email> not found` → `user_not_found`); the type's when the template has no words.
 */
export function kindOf(template: string, exceptionType: string | undefined): string {
  const body =
    exceptionType !== undefined && template.startsWith(`${exceptionType}: `)
      ? template.slice(exceptionType.length + 2)
      : template;
  const words = (body.replace(/<[a-z_0-9]+>/g, ' ').match(/[A-Za-z][A-Za-z0-9]*/g) ?? [])
    .map((word) => word.toLowerCase())
    .filter((word) => !FILLER.has(word))
    .slice(0, MAX_KIND_WORDS);
  if (words.length > 0) return words.join('_');
  return (exceptionType ?? 'expected_error').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** An id not yet in `taken`: `suggested-<kind>`, then `-2`, `-3`… */
export function uniqueId(kind: string, taken: Set<string>): string {
  const base = `suggested-${kind.replace(/_/g, '-')}`;
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
  taken.add(id);
  return id;
}

/**
 * A suggested rule: `breadcrumb`, the derived conditions, and examples from the data (redacted): samples
 * of the cluster it must match, and the nearest counter-example it must not.
 */
export function candidateRule(
  id: string,
  kind: string,
  conditions: Conditions,
  samples: readonly Sample[],
  counters: readonly Sample[],
): Rule {
  const match = distinct(samples.slice(0, MAX_SAMPLES_READ).map((sample) => exampleOf(sample, conditions)))
    .filter((example) => conditions.all.every((piece) => example.text.includes(piece)))
    .slice(0, MAX_EXAMPLES);
  const near = nearestCounter(conditions, counters);
  return {
    id,
    kind,
    action: 'breadcrumb',
    all: conditions.all,
    ...(conditions.exceptionType === undefined ? {} : { exceptionType: conditions.exceptionType }),
    ...(conditions.status === undefined ? {} : { status: conditions.status }),
    examples: {
      match,
      ...(near === undefined ? {} : { noMatch: [exampleOf(near, { all: conditions.all })] }),
    },
  };
}

/**
 * A redacted example of a sample: the fields that hold a piece (its headline when none does), its
 * outermost type, and the rule's status (else its own first one).
 */
function exampleOf(sample: Sample, conditions: Conditions): RuleExample {
  const holding = sample.fields.filter((field) => conditions.all.some((piece) => field.includes(piece)));
  const text = maskPersonalData(redactSecrets(holding.length > 0 ? holding.join('\n') : sample.headline));
  const type = outermostType(sample);
  const status = conditions.status ?? sample.statuses[0];
  return {
    text,
    ...(type === undefined ? {} : { exceptionType: type }),
    ...(status === undefined ? {} : { status }),
  };
}

/**
 * E-mail addresses and IPv4 addresses, replaced in examples by documentation values (RFC 2606, RFC 5737).
 * The look-behind lets a local part start only where a run of its characters starts: without it, a long
 * run with no `@` is rescanned from each of its characters (quadratic: 48 s on 200 KB).
 */
const EMAIL = /(?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;

/** A text with no one's address in it: what a rules file committed to a repository may hold. */
function maskPersonalData(text: string): string {
  return text.replace(EMAIL, 'user@example.com').replace(IPV4, '192.0.2.1');
}

/** The counter-example that meets the most of the conditions without meeting them all. */
function nearestCounter(conditions: Conditions, counters: readonly Sample[]): Sample | undefined {
  let best: Sample | undefined;
  let bestScore = 0;
  for (const counter of counters) {
    if (meetsConditions(counter, conditions)) continue;
    const score =
      conditions.all.filter((piece) => counter.fields.some((field) => field.includes(piece))).length * 2 +
      (conditions.exceptionType !== undefined && counter.exceptionTypes.includes(conditions.exceptionType)
        ? 1
        : 0);
    if (score > bestScore) {
      best = counter;
      bestScore = score;
    }
  }
  return best;
}

function distinct(examples: readonly RuleExample[]): RuleExample[] {
  const seen = new Set<string>();
  return examples.filter((example) => {
    const key = JSON.stringify(example);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
