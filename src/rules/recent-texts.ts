/** Longest text remembered: a longer one is computed each time, so the memory held stays small. */
const MAX_REMEMBERED_LENGTH = 4_096;

/**
 * `compute`, a pure function of a text, remembering its results for the last `size` texts it was given:
 * a storm of one expected error (the usual case) reads its text once. Holds at most `size` texts of up to
 * 4,096 characters, each replaced in turn; only this process's memory ever sees them.
 */
export function rememberRecent<T>(compute: (text: string) => T, size = 4): (text: string) => T {
  const texts: string[] = [];
  const results: T[] = [];
  let next = 0;
  return (text) => {
    for (let index = 0; index < texts.length; index++) {
      if (texts[index] === text) return results[index] as T;
    }
    const result = compute(text);
    if (text.length <= MAX_REMEMBERED_LENGTH) {
      texts[next] = text;
      results[next] = result;
      next = (next + 1) % size;
    }
    return result;
  };
}
