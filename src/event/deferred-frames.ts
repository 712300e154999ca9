import { isArray, read } from './guarded-read.js';

/** The SDK's stack parser: a stack string to frames (`StackParser` of every major). */
export type StackParser = (stack: string, skipFirstLines?: number, framesToPop?: number) => unknown[];

/** The stack of an error not read yet: what `withDeferredStack` hands the SDK instead of the text. */
class DeferredStack {
  constructor(readonly error: object) {}

  /** `error.stack || ''`, as the SDK reads it. */
  text(): string {
    const stack = read(this.error, 'stack');
    return typeof stack === 'string' ? stack : '';
  }
}

/** The one frame `deferringParser` leaves for a stack: what it takes to parse that stack later. */
class DeferredFrame {
  constructor(
    private readonly parse: StackParser,
    private readonly stack: string | DeferredStack,
    private readonly skipFirstLines: number | undefined,
    private readonly framesToPop: number | undefined,
  ) {}

  frames(): unknown[] {
    const stack = this.stack instanceof DeferredStack ? this.stack.text() : this.stack;
    return this.parse(stack, this.skipFirstLines, this.framesToPop);
  }
}

/**
 * What the SDKs' event builders read of an `Error` besides its stack: its type (`name`, else
 * `constructor.name`), its message, and where a browser SDK looks (`framesToPop`, `stacktrace`) or
 * `@sentry/core` 11 appends a fetch's host. The cause chain is read from the hint's original error.
 */
const READ_BY_SDK = [
  'name',
  'message',
  'constructor',
  'framesToPop',
  'stacktrace',
  '__sentry_fetch_url_host__',
];

/**
 * A stand-in for `error` that the SDK's event builder reads as it reads `error` — the same name, message
 * and constructor, read once from `error` itself — but whose `stack` is not formatted yet: V8 formats a
 * stack when `stack` is first read, and that costs more than deciding the error does. Only for an error
 * the SDKs build from these properties alone: a real `Error`, or an object that only inherits from
 * `Error.prototype` (jsonwebtoken's errors); a DOM exception, an `ErrorEvent` or a plain object is
 * returned as it is. A getter that throws throws here.
 */
export function withDeferredStack(error: object): object {
  const tag = Object.prototype.toString.call(error);
  if (tag !== '[object Error]' && (tag !== '[object Object]' || !(error instanceof Error))) return error;
  // `Error.prototype`, never `error`, as the prototype: making an object a prototype costs V8 more.
  const standIn = Object.create(Error.prototype) as Record<string, unknown>;
  for (const key of READ_BY_SDK) if (key in error) standIn[key] = (error as Record<string, unknown>)[key];
  standIn.stack = new DeferredStack(error);
  return standIn;
}

/**
 * A stack parser that parses nothing yet: each stack becomes one placeholder frame that `stackFramesOf`
 * parses with `parse` when a rule reads the frames (`thrownBy`). An event built with it while it is only
 * being decided costs no parsing unless a rule asks (nor formatting, with `withDeferredStack`); an empty
 * stack is parsed at once (no frames).
 */
export function deferringParser(parse: StackParser): StackParser {
  return (stack: string | DeferredStack, skipFirstLines, framesToPop) =>
    stack === ''
      ? parse(stack, skipFirstLines, framesToPop)
      : [new DeferredFrame(parse, stack, skipFirstLines, framesToPop)];
}

/**
 * The frames of an exception's `stacktrace`: a placeholder left by `deferringParser` is parsed now (the
 * same parser, the same stack and arguments, so the frames are those the SDK would have built). Never
 * throws: a parser that throws, like a malformed `stacktrace`, gives no frames.
 */
export function stackFramesOf(stacktrace: object): unknown {
  const frames = read(stacktrace, 'frames');
  if (!isArray(frames) || read(frames, 'length') !== 1) return frames;
  const placeholder = read(frames, '0');
  if (!(placeholder instanceof DeferredFrame)) return frames;
  try {
    return placeholder.frames();
  } catch {
    return [];
  }
}
