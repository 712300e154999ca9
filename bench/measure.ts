/** Timing helpers: alternating rounds, medians with their spread. */

/** A median with the range it came from. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((left, right) => left - right);
  return {
    median: sorted[Math.floor(sorted.length / 2)] as number,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}

let sink = 0;
/** Keeps results alive so the optimizer cannot drop the measured work. */
export function consume(value: unknown): void {
  if (value) sink++;
  if (sink < 0) console.log(sink);
}

/** Mean microseconds per input of `perInput`, over whole batches run for at least `milliseconds`. */
export function microsPerInput<T>(
  perInput: (input: T) => unknown,
  inputs: readonly T[],
  milliseconds: number,
): number {
  let batches = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const input of inputs) consume(perInput(input));
    batches++;
    elapsed = performance.now() - start;
  } while (elapsed < milliseconds);
  return (elapsed * 1_000) / (batches * inputs.length);
}

/**
 * Runs every variant once per round, in an order that rotates each round, after one warm-up round; returns
 * each variant's values (one per round) so ratios can be taken round by round.
 */
export async function alternate<K extends string>(
  rounds: number,
  variants: Record<K, () => number | Promise<number>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(variants) as K[];
  const values = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = -1; round < rounds; round++) {
    const offset = Math.max(round, 0) % names.length;
    for (let position = 0; position < names.length; position++) {
      const name = names[(position + offset) % names.length] as K;
      const value = await variants[name]();
      if (round >= 0) values[name].push(value);
    }
  }
  return values;
}

/** Round-by-round ratios `top[i] / bottom[i]`. */
export function ratios(top: readonly number[], bottom: readonly number[]): Spread {
  return spreadOf(top.map((value, index) => value / (bottom[index] as number)));
}

/** `1.23 (1.10–1.40)` */
export function formatSpread(spread: Spread, digits = 2, unit = ''): string {
  return `${format(spread.median, digits)}${unit} (${format(spread.min, digits)}–${format(spread.max, digits)})`;
}

export function format(value: number, digits = 2): string {
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(Math.min(digits, 1));
  return value.toFixed(digits);
}
