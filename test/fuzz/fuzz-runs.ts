/**
 * How many cases each property runs: a quick sample in `npm test`, at least 100,000 in
 * `npm run test:fuzz` (which sets FUZZ_RUNS).
 */
export function fuzzRuns(sample: number): number {
  const configured = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : sample;
}
