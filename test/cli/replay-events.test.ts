import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReplayedEvent, replayEvents } from '../../src/replay.js';
import type { Rule } from '../../src/rules/types.js';

const RULES: Rule[] = [
  { id: 'jwt-expired', kind: 'session_expired', action: 'breadcrumb', any: ['jwt expired'] },
  { id: 'overloaded', kind: 'transient_upstream', action: 'drop', any: ['overloaded'] },
  { id: 'byo-key', kind: 'provider_key_rejected', action: 'report', any: ['invalid_api_key'] },
  { id: 'candidate', kind: 'type_error', action: 'drop', any: ['is not a function'], shadow: true },
];
const MESSAGES = [
  'jwt expired',
  'model overloaded',
  'invalid_api_key sk-abcdefghijklmnop',
  'x is not a function',
];

let scratch: string;
let large: string;
/** What each line of `large` holds, written alongside it: the reference the replay is checked against. */
const written: Array<{ line: number; message: string } | { line: number; broken: true }> = [];
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sentry-expected-errors-replay-events-'));
  large = join(scratch, 'large.jsonl');
  // About 5 MiB (blocks are 1 MiB): short and long lines, one line longer than a block, CRLF and blank
  // lines, broken lines, and a byte order mark, so lines cross every kind of block boundary.
  const lines: string[] = [];
  let bytes = 3; // the byte order mark
  // Lines that start exactly at a block boundary, and one byte after one.
  const boundaries = [1 << 20, (2 << 20) + 1];
  for (let index = 0; lines.length < 3_000 || bytes < 5 << 20; index++) {
    const line = lines.length + 1;
    const boundary = boundaries[0] as number;
    if (bytes < boundary && bytes + 9_000 > boundary) {
      // A broken line sized so that the next line starts at the boundary.
      lines.push(`{${'b'.repeat(boundary - bytes - 2)}`);
      bytes = boundary;
      boundaries.shift();
      written.push({ line, broken: true });
      continue;
    }
    if (index % 97 === 13) {
      lines.push('{"event_id": "broken", "message": "cut off');
      bytes += lines.at(-1)?.length ?? 0;
      bytes++;
      written.push({ line, broken: true });
      continue;
    }
    if (index % 211 === 5) {
      lines.push('   ');
      bytes += 4;
      continue;
    }
    const message = MESSAGES[index % MESSAGES.length] as string;
    const padding = index === 1_500 ? 'p'.repeat(1_200_000) : 'p'.repeat((index * 7919) % 4_000);
    const event = { event_id: index.toString(16).padStart(32, '0'), message: `${message} ${padding}` };
    lines.push(`${JSON.stringify(event)}${index % 5 === 0 ? '\r' : ''}`);
    bytes += (lines.at(-1)?.length ?? 0) + 1;
    written.push({ line, message });
  }
  const text = `\uFEFF${lines.join('\n')}\n`;
  expect(Buffer.byteLength(text)).toBe(bytes);
  expect(boundaries).toEqual([]);
  await writeFile(large, text);
}, 60_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function replayed(jobs: number) {
  const events: ReplayedEvent[] = [];
  const broken: number[] = [];
  const summary = await replayEvents(large, {
    rules: RULES,
    jobs,
    onEvent: (event) => events.push(event),
    onBroken: (record) => broken.push(record.line ?? -1),
  });
  return { events, broken, summary };
}

describe('replayEvents', { timeout: 120_000 }, () => {
  it('decides every line of a multi-block JSON Lines file once, with its line, entry and outcome', async () => {
    const { events, broken, summary } = await replayed(1);

    const expectedEvents = written.filter((item) => 'message' in item);
    expect(events.map((event) => event.line)).toEqual(expectedEvents.map((item) => item.line));
    expect(events.map((event) => event.entry)).toEqual([...expectedEvents.keys()]);
    expect(events.map((event) => event.index)).toEqual([...expectedEvents.keys()]);
    expect(broken).toEqual(written.filter((item) => 'broken' in item).map((item) => item.line));
    const outcomeOf = (message: string) =>
      message === 'jwt expired' ? 'breadcrumb' : message === 'model overloaded' ? 'drop' : 'pass';
    expect(events.map((event) => event.outcome)).toEqual(
      expectedEvents.map((item) => outcomeOf((item as { message: string }).message)),
    );
    // Why a claimed event passes: the guard, and the shadow rule that decides nothing.
    const reasonOf = (message: string) =>
      message.startsWith('invalid_api_key')
        ? 'guard'
        : message === 'x is not a function'
          ? 'shadow'
          : undefined;
    expect(events.map((event) => event.reason)).toEqual(
      expectedEvents.map((item) => reasonOf((item as { message: string }).message)),
    );
    expect(events.every((event) => !event.summary.includes('sk-abcdefghijklmnop'))).toBe(true);
    const decidedBy = (outcome: string) =>
      expectedEvents.filter((item) => outcomeOf((item as { message: string }).message) === outcome).length;
    expect(Object.fromEntries(summary.rules.map((rule) => [rule.rule, rule.events]))).toEqual({
      'jwt-expired': decidedBy('breadcrumb'),
      overloaded: decidedBy('drop'),
      'byo-key': expectedEvents.filter((item) =>
        (item as { message: string }).message.startsWith('invalid_api_key'),
      ).length,
      candidate: expectedEvents.filter(
        (item) => (item as { message: string }).message === 'x is not a function',
      ).length,
    });
    expect(summary).toMatchObject({ events: expectedEvents.length, broken: broken.length, files: 1 });
  });

  it('gives the same events, in the same order, on worker threads', async () => {
    const [serial, parallel] = [await replayed(1), await replayed(3)];

    expect(parallel.events).toEqual(serial.events);
    expect(parallel.broken).toEqual(serial.broken);
    expect(parallel.summary).toEqual(serial.summary);
  });

  it('rejects rules that do not compile with the RuleConfigError', async () => {
    await expect(
      replayEvents(large, { rules: [{ kind: 'x', action: 'explode' } as unknown as Rule] }),
    ).rejects.toThrow(/rule #0.*`action`/);
  });
});
