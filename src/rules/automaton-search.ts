import type { AnchorSearch, Anchors } from './anchor-search.js';
import { buildAutomatonSteps } from './automaton.js';
import { flatLists } from './flat-lists.js';
import { foldCase } from './fold.js';
import { createScanner } from './scan.js';

/** Anchors given a key between two pauses of `buildAutomatonSearchSteps`. */
const ANCHORS_PER_STEP = 1_024;

/**
 * The automaton search: every anchor, case-folded, becomes a key of one Aho–Corasick automaton, so a field
 * is read once whatever the number of anchors. Anchors that fold to the same key share it; a
 * case-sensitive one is then checked against the raw text where its key ends.
 */
export function* buildAutomatonSearchSteps({
  anchorText,
  anchorCaseSensitive,
}: Anchors): Generator<void, AnchorSearch, void> {
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const keyAnchorLists: number[][] = [];
  for (let anchor = 0; anchor < anchorText.length; anchor++) {
    const key = foldCase(anchorText[anchor] as string);
    let keyId = keyIds.get(key);
    if (keyId === undefined) {
      keyId = keys.length;
      keyIds.set(key, keyId);
      keys.push(key);
      keyAnchorLists.push([]);
    }
    (keyAnchorLists[keyId] as number[]).push(anchor);
    if (anchor % ANCHORS_PER_STEP === ANCHORS_PER_STEP - 1) yield;
  }
  yield;
  const automaton = yield* buildAutomatonSteps(keys);
  const keyAnchors = flatLists(keyAnchorLists);
  const { outputStart, outputKeys, outputLink } = automaton;

  let found: (anchor: number) => void = () => undefined;
  const markKey = (key: number, end: number): void => {
    const last = keyAnchors.start[key + 1] as number;
    for (let position = keyAnchors.start[key] as number; position < last; position++) {
      const anchor = keyAnchors.items[position] as number;
      // The automaton matched the folded text; a case-sensitive anchor must also match the raw text.
      if (anchorCaseSensitive[anchor] === 1 && !scanner.endsWith(anchorText[anchor] as string, end)) continue;
      found(anchor);
    }
  };
  const scanner = createScanner(automaton, (state, end) => {
    for (let current = state; current !== -1; current = outputLink[current] as number) {
      const last = outputStart[current + 1] as number;
      for (let output = outputStart[current] as number; output < last; output++) {
        markKey(outputKeys[output] as number, end);
      }
    }
  });

  return {
    states: automaton.stateCount,
    bytes: automaton.byteLength,
    scanField(parts, maxLength, onFound) {
      found = onFound;
      scanner.scanField(parts, maxLength);
    },
  };
}
