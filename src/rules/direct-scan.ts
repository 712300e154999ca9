import { foldCase } from './fold.js';

/**
 * Up to this many anchors, one native `includes` per anchor costs less than one automaton pass over the
 * text. Measured in CPU time on 1 KB events whose words the anchors share: the automaton costs about the
 * same whatever the number of anchors (~2 µs here), `includes` about 0.3 µs per anchor, so they cross
 * between 6 and 10 anchors.
 */
export const DIRECT_SCAN_MAX_ANCHORS = 6;

/** Finds anchors in a field with the engine's own string search instead of the automaton. */
export interface DirectScan {
  /**
   * Calls `found(anchor)` for every anchor present in the field's parts read back to back (up to
   * `maxLength` code units). Returns false, having found nothing, when it cannot decide the field: text
   * outside ASCII with case-insensitive anchors, where `toLowerCase` and the engine's fold differ.
   */
  scanField(parts: readonly string[], found: (anchor: number) => void): boolean;
}

const NON_ASCII = /[^\0-\x7f]/;

/**
 * A direct scan for a small rule set, or `undefined` when the automaton is the better choice. Same
 * answers as the automaton (the differential test holds both to a plain reference): a case-sensitive
 * anchor must occur as written, a case-insensitive one in the folded text.
 */
export function createDirectScan(
  anchorText: readonly string[],
  anchorCaseSensitive: Uint8Array,
  maxLength: number,
): DirectScan | undefined {
  if (anchorText.length > DIRECT_SCAN_MAX_ANCHORS) return undefined;
  const needles = anchorText.map((text, anchor) =>
    anchorCaseSensitive[anchor] === 1 ? text : foldCase(text),
  );
  const anyFolded = anchorCaseSensitive.includes(0);
  return {
    scanField(parts, found) {
      const joined = parts.length === 1 ? (parts[0] as string) : parts.join('');
      const text = joined.length > maxLength ? joined.slice(0, maxLength) : joined;
      // ASCII text folds exactly like `toLowerCase`; any other text goes to the automaton.
      if (anyFolded && NON_ASCII.test(text)) return false;
      const folded = anyFolded ? text.toLowerCase() : text;
      for (let anchor = 0; anchor < needles.length; anchor++) {
        const haystack = anchorCaseSensitive[anchor] === 1 ? text : folded;
        if (haystack.includes(needles[anchor] as string)) found(anchor);
      }
      return true;
    },
  };
}
