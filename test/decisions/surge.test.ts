import { describe, expect, it } from 'vitest';
import { createSurgeDetector, detectSurges, type Surge } from '../../src/decisions/surge.js';

/** Feeds `times` (ms) for one kind and returns the times at which a surge fired. */
function firingTimes(times: readonly number[], threshold: number, windowMs: number): number[] {
  const detector = createSurgeDetector({ threshold, windowMs });
  return times.flatMap((time) => detector.record('k', 'r', time)?.at ?? []);
}

describe('createSurgeDetector', () => {
  it('fires on the record that makes the count exceed the threshold, once per window', () => {
    const detector = createSurgeDetector({ threshold: 3, windowMs: 1_000 });
    const results = [0, 10, 20, 30, 40, 50].map((time) => detector.record('session_expired', 'jwt', time));
    expect(results.map((result) => result !== undefined)).toEqual([false, false, false, true, false, false]);
    expect(results[3]).toEqual<Surge>({
      kind: 'session_expired',
      count: 4,
      threshold: 3,
      windowMs: 1_000,
      rules: { jwt: 4 },
      at: 30,
      since: 0,
      rule: 'jwt',
    });
  });

  it('counts a record while now - t < windowMs: the window edge is exclusive', () => {
    // At 1000 the record at 0 has left the window: 500, 999, 1000 are three, not more than three.
    expect(firingTimes([0, 500, 999, 1_000], 3, 1_000)).toEqual([]);
    // At 1000 the record at 1 is still inside: four records.
    expect(firingTimes([1, 500, 999, 1_000], 3, 1_000)).toEqual([1_000]);
  });

  it('catches a burst that straddles where a fixed window would have cut it', () => {
    // Two records before 1000 and two after: a clock-aligned window [0, 1000) would see two and two.
    expect(firingTimes([900, 950, 1_050, 1_100], 3, 1_000)).toEqual([1_100]);
  });

  it('raises one surge per window while a storm lasts, and again once it has passed', () => {
    const storm = Array.from({ length: 35 }, (_, index) => index * 100); // 10 per second for 3.5 s
    expect(firingTimes(storm, 3, 1_000)).toEqual([300, 1_300, 2_300, 3_300]);
  });

  it('stays quiet after a storm has passed', () => {
    expect(firingTimes([0, 1, 2, 3, 5_000, 9_000, 13_000, 17_000], 3, 1_000)).toEqual([3]);
  });

  it('counts kinds separately and breaks a surge down by rule', () => {
    const detector = createSurgeDetector({ threshold: 2, windowMs: 1_000 });
    expect(detector.record('a', 'r1', 0)).toBeUndefined();
    expect(detector.record('b', 'r1', 1)).toBeUndefined();
    expect(detector.record('a', 'r2', 2)).toBeUndefined();
    expect(detector.record('b', 'r1', 3)).toBeUndefined();
    expect(detector.record('a', 'r2', 4)?.rules).toEqual({ r1: 1, r2: 2 });
  });

  it('reads a clock that goes backwards as standing still', () => {
    expect(firingTimes([5_000, 10, 20, 30], 3, 1_000)).toEqual([5_000]);
    expect(firingTimes([0, Number.NaN, 1, Number.POSITIVE_INFINITY, 2], 3, 1_000)).toEqual([]);
  });

  it('keeps at most maxKinds kinds, evicting the one seen least recently', () => {
    const detector = createSurgeDetector({ threshold: 2, windowMs: 1_000, maxKinds: 3 });
    for (let index = 0; index < 10_000; index++) detector.record(`kind-${index}`, 'r', index);
    expect(detector.trackedKinds).toBe(3);
    // The most recent kinds survive: kind-9999 still has its earlier record.
    detector.record('kind-9999', 'r', 10_000);
    expect(detector.record('kind-9999', 'r', 10_001)?.count).toBe(3);
  });

  it('loses nothing when the evicted kind had no record within the window', () => {
    const detector = createSurgeDetector({ threshold: 2, windowMs: 1_000, maxKinds: 1 });
    for (const time of [0, 1, 2]) detector.record('old', 'r', time);
    detector.record('new', 'r', 5_000);
    // `old` was quiet until 1002 and had nothing in the window: forgetting it changes nothing.
    expect([5_001, 5_002].map((time) => detector.record('new', 'r', time)?.at)).toEqual([undefined, 5_002]);
  });

  it('refuses a threshold, window or cap it cannot count with', () => {
    expect(() => createSurgeDetector({ threshold: 0 })).toThrow(/`threshold` must be a positive integer/);
    expect(() => createSurgeDetector({ threshold: 1.5 })).toThrow(/`threshold`/);
    expect(() => createSurgeDetector({ threshold: 1, windowMs: Number.POSITIVE_INFINITY })).toThrow(
      /`windowMs` must be a positive finite number/,
    );
    expect(() => createSurgeDetector({ threshold: 1, maxKinds: 0 })).toThrow(/`maxKinds`/);
  });
});

describe('detectSurges', () => {
  it('replays recorded timestamps in time order, whatever order they were read in', () => {
    const records = [3, 0, 2, 1].map((second) => ({
      kind: 'rate_limited',
      rule: second % 2 === 0 ? 'openai-429' : 'anthropic-429',
      timestamp: second * 1_000,
    }));
    const surges = detectSurges(records, { threshold: 3, windowMs: 60_000 });
    expect(surges).toHaveLength(1);
    expect(surges[0]).toMatchObject({
      kind: 'rate_limited',
      at: 3_000,
      since: 0,
      rules: { 'openai-429': 2, 'anthropic-429': 2 },
    });
  });
});
