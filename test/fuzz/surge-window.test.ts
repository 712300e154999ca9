import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSurgeDetector } from '../../src/decisions/surge.js';
import { fuzzRuns } from './fuzz-runs.js';

interface Record {
  readonly kind: string;
  readonly time: number;
}

/**
 * The definition, computed the slow way from the whole history: a record fires when more than `threshold`
 * records of its kind (itself included) have `now - t < windowMs`, and its kind has not fired within the
 * last `windowMs`.
 */
function oracle(records: readonly Record[], threshold: number, windowMs: number): boolean[] {
  const lastFired = new Map<string, number>();
  return records.map((record, index) => {
    const inWindow = records
      .slice(0, index + 1)
      .filter((other) => other.kind === record.kind && record.time - other.time < windowMs).length;
    const fired = lastFired.get(record.kind);
    const quiet = fired !== undefined && record.time < fired + windowMs;
    if (inWindow <= threshold || quiet) return false;
    lastFired.set(record.kind, record.time);
    return true;
  });
}

const histories = fc
  .record({
    threshold: fc.integer({ min: 1, max: 6 }),
    windowMs: fc.integer({ min: 1, max: 50 }),
    steps: fc.array(fc.record({ kind: fc.constantFrom('a', 'b', 'c'), gap: fc.nat({ max: 20 }) }), {
      maxLength: 120,
    }),
  })
  .map(({ threshold, windowMs, steps }) => {
    let time = 0;
    const records = steps.map(({ kind, gap }) => {
      time += gap;
      return { kind, time };
    });
    return { threshold, windowMs, records };
  });

describe('createSurgeDetector (property)', () => {
  it('fires exactly where the sliding-window definition says, for any history in time order', () => {
    fc.assert(
      fc.property(histories, ({ threshold, windowMs, records }) => {
        const detector = createSurgeDetector({ threshold, windowMs });
        const fired = records.map(
          (record) => detector.record(record.kind, 'rule', record.time) !== undefined,
        );
        expect(fired).toEqual(oracle(records, threshold, windowMs));
      }),
      { numRuns: fuzzRuns(500) },
    );
  });
});
