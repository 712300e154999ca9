/**
 * The `mechanism.type`s the SDKs give the event of a process going down, read in their sources: Node's
 * process-level handlers (`@sentry/node` ≥ 10 with the `auto.node.` prefix, earlier majors without it —
 * an old browser SDK's `onunhandledrejection` reads the same and is guarded too: the guard errs towards
 * sending), a worker thread dying (`@sentry/node` 11's `workerThreadsIntegration`, `childProcessIntegration`
 * before it), and Deno's global handlers. Electron's main process and Bun use Node's handlers. A browser's
 * global handlers (`auto.browser.global_handlers.*`) and every framework's route handler also capture
 * with `handled: false`, but nothing goes down: the rules decide those.
 */
const CRASH_MECHANISMS: ReadonlySet<string> = new Set([
  'auto.node.onuncaughtexception',
  'auto.node.onunhandledrejection',
  'onuncaughtexception',
  'onunhandledrejection',
  'auto.node.worker_threads',
  'auto.child_process.worker_thread',
  'auto.deno.global_handlers.error',
  'auto.deno.global_handlers.unhandledrejection',
]);

/**
 * True for the event of a crash: an exception whose mechanism is one a process going down is captured
 * with (`CRASH_MECHANISMS`), or an event at level `fatal` (a native crash, Deno's handlers). Such an event
 * can be the last one a process sends, so a rule needs `uncaught: true` to drop or demote it. Reads the
 * serialized event only (a recorded event decides the same).
 */
export function isCrash(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const { level, exception } = event as { level?: unknown; exception?: { values?: unknown } };
  if (level === 'fatal') return true;
  const values = exception?.values;
  if (!Array.isArray(values)) return false;
  return values.some((value) => {
    const type = (value as { mechanism?: { type?: unknown } } | null)?.mechanism?.type;
    return typeof type === 'string' && CRASH_MECHANISMS.has(type);
  });
}
