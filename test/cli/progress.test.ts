import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
}

describe('createProgress', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const target = stream(false);
    const progress = createProgress(target, { delay: 0, interval: 0 });

    progress.update(10, 'a.jsonl');
    progress.clear();

    expect(target.written).toEqual([]);
  });

  it('draws only after the delay, at most once per interval, and erases its line', () => {
    const target = stream(true);
    let now = 0;
    const progress = createProgress(target, { delay: 1_000, interval: 200, now: () => now });

    progress.update(1, 'a.jsonl');
    now = 1_000;
    progress.update(5_000, 'a.jsonl');
    now = 1_100;
    progress.update(6_000, 'b.jsonl');
    now = 1_200;
    progress.update(7_000, 'b.jsonl');
    progress.clear();
    progress.clear();

    expect(target.written).toEqual([
      '\r\x1b[K  replaying: 5,000 events… a.jsonl',
      '\r\x1b[K  replaying: 7,000 events… b.jsonl',
      '\r\x1b[K',
    ]);
  });
});
