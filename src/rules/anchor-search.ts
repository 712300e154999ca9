import { joinCapped } from './conditions.js';
import { foldCase, foldText } from './fold.js';

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

/**
 * Up to this many anchors, one native `includes` per anchor costs less than one automaton pass over the
 * text. Measured in CPU time on 1 KB events whose words the anchors share: the automaton costs about the
 * same whatever the number of anchors (~2 µs here), `includes` about 0.3 µs per anchor, so they cross
 * between 6 and 10 anchors.
 */
export const DIRECT_SEARCH_MAX_ANCHORS = 6;

/**
 * A search by one native `includes` per anchor, for a few anchors. Gives the automaton's answers (the
 * differential test holds both to a plain reference): a case-insensitive anchor is looked for in the
 * text folded by `foldText`.
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
      const text = joinCapped(parts, maxLength);
      const folded = anyFolded ? foldText(text) : text;
      for (let anchor = 0; anchor < needles.length; anchor++) {
        const haystack = anchorCaseSensitive[anchor] === 1 ? text : folded;
        if (haystack.includes(needles[anchor] as string)) found(anchor);
      }
    },
  };
}
