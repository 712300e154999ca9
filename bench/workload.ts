import { seededRandom } from '../test/helpers/seeded-random.js';

/** A small seeded PRNG (mulberry32): every run measures the same inputs. */
export const random = seededRandom;
/** Deterministic inputs shared by the benchmarks: rule substrings and realistic error events. */

// Error-message vocabulary: rule substrings and event texts draw from it, so anchors share prefixes with
// the text and the automaton walks real partial matches instead of idling at its root.
const WORDS = [
  'upstream',
  'timeout',
  'session',
  'token',
  'provider',
  'model',
  'quota',
  'request',
  'gateway',
  'failed',
  'invalid',
  'expired',
  'embedding',
  'stream',
  'chat',
  'backend',
  'channel',
  'message',
  'tenant',
  'billing',
  'socket',
  'refused',
  'reset',
  'denied',
  'missing',
  'config',
  'worker',
  'queue',
  'retry',
  'budget',
  'connection',
  'closed',
  'response',
  'status',
  'body',
  'error',
  'server',
  'thread',
  'client',
  'agent',
];

/**
 * `count` distinct substrings shaped like the anchors people write — an emit-site prefix with a status,
 * a JSON body fragment, a SENTINEL: — each made unique by a short suffix, so none occurs in the events.
 */
export function substrings(count: number, seed = 1): string[] {
  const next = random(seed);
  const pick = (): string => WORDS[Math.floor(next() * WORDS.length)] as string;
  const seen = new Set<string>();
  while (seen.size < count) {
    const words = Array.from({ length: 2 + Math.floor(next() * 3) }, pick);
    const shape = next();
    let text = words.join(' ');
    if (shape < 0.3) text = `${pick()} API error (${400 + Math.floor(next() * 130)} ${text}`;
    else if (shape < 0.5) text = `"${words[0]}":"${words.slice(1).join(' ')}"`;
    else if (shape < 0.6) text = `${words.join('_').toUpperCase()}:`;
    seen.add(`${text} #${seen.size.toString(36)}`);
  }
  return [...seen];
}

/** A two-exception error event (a cause and the outer error) of about `length` characters of text. */
export interface BenchEvent {
  readonly exception: { readonly values: ReadonlyArray<{ readonly type: string; readonly value: string }> };
}

function sentence(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) {
    const word = WORDS[Math.floor(next() * WORDS.length)] as string;
    text += next() < 0.15 ? ` ${word} ${Math.floor(next() * 100_000)}` : ` ${word}`;
  }
  return flat(text.slice(1, length + 1));
}

/**
 * A flat copy of a string, as the strings of a recorded or deserialized event are: V8 reads a sliced or
 * concatenated string through an indirection, which slows every per-character scan, ours included.
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** `count` different events of about `length` characters each, so no run replays one cached input. */
export function events(count: number, length = 1_000, seed = 7): BenchEvent[] {
  const next = random(seed);
  return Array.from({ length: count }, () => ({
    exception: {
      values: [
        { type: 'FetchError', value: sentence(next, Math.floor(length / 2) - 12) },
        { type: 'AgentTurnError', value: sentence(next, Math.ceil(length / 2) - 16) },
      ],
    },
  }));
}

/** The same events with one of `anchors` planted in the middle of the outer error. */
export function matchingEvents(base: readonly BenchEvent[], anchors: readonly string[]): BenchEvent[] {
  return base.map((event, index) => {
    const [cause, outer] = event.exception.values as [
      BenchEvent['exception']['values'][0],
      BenchEvent['exception']['values'][0],
    ];
    const anchor = anchors[Math.floor(((index + 0.5) / base.length) * anchors.length)] as string;
    const middle = Math.floor(outer.value.length / 2);
    return {
      exception: {
        values: [
          cause,
          {
            type: outer.type,
            value: flat(`${outer.value.slice(0, middle)} ${anchor} ${outer.value.slice(middle)}`),
          },
        ],
      },
    };
  });
}

/** An event's text as one string, the way a single-scan floor would read it. */
export function eventText(event: BenchEvent): string {
  return event.exception.values.map((value) => `${value.type}: ${value.value}`).join('\n');
}
