import { type Automaton, advance } from './automaton.js';

/**
 * Feeds a field to the automaton: its parts (an exception's `type`, `": "` and `value`) are read back
 * to back, straight from the strings, so nothing is joined or copied whatever the size of the text.
 */
export interface Scanner {
  /** Scans one field (its parts read back to back) up to `maxLength` code units. */
  scanField(parts: readonly string[], maxLength: number): void;
  /** Whether `anchor` ends at position `end` of the field being scanned (exact, case-sensitive). */
  endsWith(anchor: string, end: number): boolean;
}

/**
 * `onOutput(state, end)` is called, during `scanField`, where a key ends; `end` is a position in the
 * whole field.
 */
export function createScanner(automaton: Automaton, onOutput: (state: number, end: number) => void): Scanner {
  let fieldParts: readonly string[] = [];
  let partStart = 0;
  const onPartOutput = (state: number, index: number): void => onOutput(state, partStart + index);

  return {
    scanField(parts, maxLength) {
      fieldParts = parts;
      let state = 0;
      partStart = 0;
      for (const part of parts) {
        if (partStart >= maxLength) break;
        // An empty part (a template's placeholder at the start) is skipped, not taken for the end.
        const end = Math.min(part.length, maxLength - partStart);
        if (end > 0) state = advance(automaton, part, 0, end, state, onPartOutput);
        partStart += part.length;
      }
    },
    endsWith(anchor, end) {
      let begin = end - anchor.length + 1;
      if (begin < 0) return false;
      let part = 0;
      for (let position = 0; position < anchor.length; position++) {
        while (part < fieldParts.length && begin >= (fieldParts[part] as string).length) {
          begin -= (fieldParts[part] as string).length;
          part++;
        }
        const text = fieldParts[part];
        if (text === undefined || text.charCodeAt(begin) !== anchor.charCodeAt(position)) return false;
        begin++;
      }
      return true;
    },
  };
}
