/**
 * The integration decides a small rule set without an index (every rule tried in turn) and never loads
 * one for it: this measures that matcher against the indexed one on the same rules, at sizes around the
 * limit (`SIMPLE_MATCH_LIMITS`), in CPU time per event.
 */
import { buildClassifier } from '../src/classifier/build.js';
import { createClassifier, type Rule } from '../src/index.js';
import { compileLinearPattern } from '../src/rules/linear-pattern.js';
import { eventUpstreamError } from '../src/upstream/from-event.js';
import { alternate, microsPerInput, ratios, type Spread } from './measure.js';
import { type BenchEvent, events, matchingEvents, substrings } from './workload.js';

/** One row: rules with one substring each (the first `anchors`), the rest matching a status only. */
export interface SimpleMatchRow {
  readonly rules: number;
  readonly anchors: number;
  /** Simple / indexed, no-match events and matching events. */
  readonly quiet: Spread;
  readonly match: Spread;
}

export async function simpleMatchRows(
  shapes: ReadonlyArray<{ rules: number; anchors: number }>,
  rounds: number,
): Promise<SimpleMatchRow[]> {
  const quiet = events(64);
  const rows: SimpleMatchRow[] = [];
  for (const shape of shapes) {
    const anchors = substrings(shape.anchors);
    const rules: Rule[] = Array.from({ length: shape.rules }, (_, index) =>
      index < shape.anchors
        ? { kind: 'noise', action: 'drop', any: [anchors[index] as string] }
        : { kind: 'status', action: 'drop', status: 400 + (index % 100) },
    );
    const indexed = createClassifier({ rules });
    const simple = buildClassifier(
      { rules },
      { readUpstream: eventUpstreamError, compilePattern: compileLinearPattern, index: 'never' },
    );
    const matching = matchingEvents(quiet, anchors);
    const values = await alternate(rounds, {
      indexedQuiet: () => microsPerInput((event: BenchEvent) => indexed.classify(event), quiet, 60),
      simpleQuiet: () => microsPerInput((event: BenchEvent) => simple.classify(event), quiet, 60),
      indexedMatch: () => microsPerInput((event: BenchEvent) => indexed.classify(event), matching, 60),
      simpleMatch: () => microsPerInput((event: BenchEvent) => simple.classify(event), matching, 60),
    });
    rows.push({
      ...shape,
      quiet: ratios(values.simpleQuiet, values.indexedQuiet),
      match: ratios(values.simpleMatch, values.indexedMatch),
    });
  }
  return rows;
}
