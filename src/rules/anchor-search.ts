import { foldCase } from './fold.js';

/**
 * Finds a rule set's anchors (its `all` / `any` / `none` substrings) in a field: by native string search
 * for a few anchors, by the automaton (`automaton-search.ts`) for more.
 */
export interface AnchorSearch {
  /**
   * Calls `found(anchor)` for every anchor present in the field's parts read back to back, up to
   * `maxLength` code units (an anchor may be reported more than once). A case-sensitive anchor must occur
   * as written, a case-insensitive one in the folded text.
   */
  scanField(parts: readonly string[], maxLength: number, found: (anchor: number) => void): void;
  /** States of the automaton; 0 for a direct search. */
  readonly states: number;
  /** Bytes held by the automaton's tables; 0 for a direct search. */
  readonly bytes: number;
}

/** A rule set's anchors: their text as written, and 1 where an anchor compares case-sensitively. */
export interface Anchors {
  readonly anchorText: readonly string[];
  readonly anchorCaseSensitive: Uint8Array;
}

/** Builds the automaton search for a rule set's anchors, pausing (yielding) between bounded pieces of work. */
export type AutomatonSearchSteps = (anchors: Anchors) => Generator<void, AnchorSearch, void>;

/**
 * Up to this many anchors, one native `includes` per anchor costs less than one automaton pass over the
 * text. Measured in CPU time on 1 KB events whose words the anchors share: the automaton costs about the
 * same whatever the number of anchors (~2 µs here), `includes` about 0.3 µs per anchor, so they cross
 * between 6 and 10 anchors.
 */
export const DIRECT_SEARCH_MAX_ANCHORS = 6;

const NON_ASCII = /[^\0-\x7f]/;

/** The search for `anchors`: a direct one for a few anchors, else the automaton `automaton` builds. */
export function* anchorSearchSteps(
  anchors: Anchors,
  automaton: AutomatonSearchSteps,
): Generator<void, AnchorSearch, void> {
  if (anchors.anchorText.length <= DIRECT_SEARCH_MAX_ANCHORS) return createDirectSearch(anchors);
  return yield* automaton(anchors);
}

/**
 * A search by one native `includes` per anchor, for a few anchors. Gives
 * the automaton's answers (the differential test holds both to a plain reference): ASCII text is folded
 * by `toLowerCase`, which agrees with the engine's fold there, any other text by the engine's fold.
 */
export function createDirectSearch({ anchorText, anchorCaseSensitive }: Anchors): AnchorSearch {
  const needles = anchorText.map((text, anchor) =>
    anchorCaseSensitive[anchor] === 1 ? text : foldCase(text),
  );
  const anyFolded = anchorCaseSensitive.includes(0);
  return {
    states: 0,
    bytes: 0,
    scanField(parts, maxLength, found) {
      const joined = parts.length === 1 ? (parts[0] as string) : parts.join('');
      const text = joined.length > maxLength ? joined.slice(0, maxLength) : joined;
      const folded = anyFolded ? (NON_ASCII.test(text) ? foldCase(text) : text.toLowerCase()) : text;
      for (let anchor = 0; anchor < needles.length; anchor++) {
        const haystack = anchorCaseSensitive[anchor] === 1 ? text : folded;
        if (haystack.includes(needles[anchor] as string)) found(anchor);
      }
    },
  };
}
