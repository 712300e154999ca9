/** An HTTP status from a number or a string of exactly three digits (tags are often strings). */
export function parseStatus(value: unknown): number | undefined {
  let status: number | undefined;
  if (typeof value === 'number') status = value;
  else if (typeof value === 'string' && /^\s{0,32}\d{3}\s{0,32}$/.test(value)) status = Number(value);
  return status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599
    ? status
    : undefined;
}
