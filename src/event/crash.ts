/**
 * True for the event of an error nobody caught: an exception whose `mechanism.handled` is `false` (the
 * SDK's uncaught-exception and unhandled-rejection handlers, a browser's `onerror`), or an event at level
 * `fatal`. Such an event can be the last one a crashing process sends, so a rule needs `uncaught: true` to
 * drop or demote it. Reads the serialized event only (a recorded event decides the same).
 */
export function isUncaught(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const { level, exception } = event as { level?: unknown; exception?: { values?: unknown } };
  if (level === 'fatal') return true;
  const values = exception?.values;
  if (!Array.isArray(values)) return false;
  return values.some(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      (value as { mechanism?: { handled?: unknown } }).mechanism?.handled === false,
  );
}
