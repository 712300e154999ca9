import type { RuleExample } from './types.js';
import type { UpstreamFacts } from './upstream-vocabulary.js';

export type { UpstreamFacts } from './upstream-vocabulary.js';

/**
 * What a classifier reads from an event, a breadcrumb or an example: the engine's whole input. A field
 * is one text made of one or more strings read back to back (an exception's `type`, `": "` and
 * `value`), so no large string is copied; no substring is ever found across two fields.
 */
export interface Facts {
  readonly fields: ReadonlyArray<readonly string[]>;
  readonly statuses: readonly number[];
  readonly exceptionTypes: readonly string[];
  readonly tags: Readonly<Record<string, unknown>> | undefined;
  /**
   * The input's upstream error, computed on demand: the matcher calls it only for a rule whose other
   * conditions all hold, at most once per match. `undefined` (or no thunk) when there is none.
   */
  readonly upstream?: (() => UpstreamFacts | undefined) | undefined;
  /**
   * The npm packages whose code ran in the input's stack traces (`thrownBy`), computed on demand like
   * `upstream`. `undefined` (or no thunk) when there is no stack trace.
   */
  readonly packages?: (() => readonly string[]) | undefined;
}

/** The facts a rule example stands for. */
export function exampleFacts(example: RuleExample): Facts {
  const { upstream, thrownBy } = example;
  return {
    fields: example.text.length > 0 ? [[example.text]] : [],
    statuses: example.status === undefined ? [] : [example.status],
    exceptionTypes: example.exceptionType === undefined ? [] : [example.exceptionType],
    tags: example.tags,
    upstream: upstream === undefined ? undefined : () => upstream,
    packages: thrownBy === undefined ? undefined : () => [thrownBy],
  };
}
