/** How long one slice of background work may hold the event loop, in milliseconds. */
export const SLICE_MILLISECONDS = 4;

/** What `runInSlices` ended with. */
export type SlicedRun<T> =
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Drives `steps` to its end in slices of about `SLICE_MILLISECONDS`, each in its own macrotask, so events
 * are handled between slices. `shouldStop` is asked before each slice (a newer run replaced this one).
 * Never rejects. Works wherever the SDK does: `setImmediate` (Node), else a `MessageChannel` (browsers,
 * workers), else `setTimeout`.
 */
export function runInSlices<T>(
  steps: Iterator<void, T, void>,
  shouldStop: () => boolean,
): Promise<SlicedRun<T>> {
  return new Promise((resolve) => {
    const slice = (): void => {
      if (shouldStop()) {
        resolve({ status: 'cancelled' });
        return;
      }
      try {
        const deadline = now() + SLICE_MILLISECONDS;
        for (;;) {
          const next = steps.next();
          if (next.done) {
            resolve({ status: 'done', value: next.value });
            return;
          }
          if (now() >= deadline) break;
        }
      } catch (error) {
        resolve({ status: 'failed', error });
        return;
      }
      nextMacrotask(slice);
    };
    nextMacrotask(slice);
  });
}

function now(): number {
  return typeof performance === 'object' ? performance.now() : Date.now();
}

/** Runs `task` in a later macrotask, after pending I/O and timers (unlike a microtask). */
function nextMacrotask(task: () => void): void {
  // Looked up on the global object: the browser build has no Node types, and no `setImmediate`.
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') {
    immediate(task);
    return;
  }
  if (typeof MessageChannel === 'function') {
    // The browser shape of a channel (Node took the `setImmediate` branch).
    const channel = new MessageChannel() as unknown as BrowserMessageChannel;
    channel.port1.onmessage = () => {
      channel.port1.close();
      task();
    };
    channel.port2.postMessage(undefined);
    return;
  }
  setTimeout(task, 0);
}

interface BrowserMessageChannel {
  readonly port1: { onmessage: (() => void) | null; close(): void };
  readonly port2: { postMessage(message: unknown): void };
}
