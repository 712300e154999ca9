/** A non-null object (an array included): what a field of an event read off the wire may be read into. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
