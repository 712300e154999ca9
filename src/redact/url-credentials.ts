/**
 * `user:password@` in a URL (RFC 3986 userinfo): `postgres://app:hunter2@db`, `redis://:pw@cache` (no
 * user), and passwords that break the grammar with a raw `@` or `/` (`amqp://bob:p@ss/w0rd@mq`).
 *
 * A regex cannot decide which `@` ends the credentials without backtracking over the whole URL, so this
 * is a scan: find a scheme, take the URL token after it, and treat everything before its last `@` as
 * credentials when that part holds a `:` that is not a port. Each character is read a bounded number of
 * times: the scan resumes after the token it has just read.
 */

/** A scheme and `://`; group 1 is the character before it (outside the scheme alphabet). */
const SCHEME = /(^|[^A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\//g;
/** Longest URL token read after a scheme. */
const MAX_URL_LENGTH = 4_096;
/** `host:port` followed by a path, query or fragment (where a later `@` may sit): a port, not a password. */
const PORT = /^[0-9]{1,5}[/?#]/;

/** Replaces the credentials of every URL in `text` with `[redacted]`. */
export function redactUrlCredentials(text: string): string {
  if (!text.includes('://')) return text;
  const parts: string[] = [];
  let copied = 0;
  SCHEME.lastIndex = 0;
  for (let match = SCHEME.exec(text); match !== null; match = SCHEME.exec(text)) {
    const tokenEnd = urlEnd(text, match.index + match[0].length);
    // URLs nested in the token (`?next=postgres://u:p@db`) each own the `@`s up to the next one.
    const authorities = authorityStarts(text, match.index + match[0].length, tokenEnd);
    authorities.forEach((authority, index) => {
      const at = lastAt(text, authority, (authorities[index + 1] ?? tokenEnd + 3) - 3);
      if (at < 0 || authority < copied || !hasPassword(text.slice(authority, at))) return;
      parts.push(text.slice(copied, authority), '[redacted]');
      copied = at;
    });
    SCHEME.lastIndex = tokenEnd;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Where the authority of the URL at `first` and of every URL nested after it in the token starts. */
function authorityStarts(text: string, first: number, end: number): number[] {
  const starts = [first];
  for (let position = text.indexOf('://', first); position >= 0 && position + 3 <= end; ) {
    starts.push(position + 3);
    position = text.indexOf('://', position + 3);
  }
  return starts;
}

/** Where the URL token that starts at `start` ends: whitespace, a quote, `<`, `>` or the length cap. */
function urlEnd(text: string, start: number): number {
  const limit = Math.min(text.length, start + MAX_URL_LENGTH);
  let position = start;
  while (position < limit) {
    const code = text.charCodeAt(position);
    // space and controls, " ' < > ` and backslash (a JSON-escaped quote ends the URL too)
    if (code <= 32 || code === 34 || code === 39 || code === 60 || code === 62 || code === 96 || code === 92)
      break;
    position++;
  }
  return position;
}

/** The last `@` in `text[start, end)`, or -1 (never reads outside the token). */
function lastAt(text: string, start: number, end: number): number {
  for (let position = end - 1; position >= start; position--)
    if (text.charCodeAt(position) === 64) return position;
  return -1;
}

/** Whether the userinfo candidate before the last `@` is `user:password` (not `host:port/path?…=a`). */
function hasPassword(userinfo: string): boolean {
  const colon = userinfo.indexOf(':');
  if (colon < 0) return false;
  const beforeColon = userinfo.slice(0, colon);
  // `me@example.com:pw@host`: an e-mail address as the user name.
  if (beforeColon.includes('@')) return true;
  // `host/path:x@y`: the colon is in the path.
  if (beforeColon.includes('/')) return false;
  return !PORT.test(userinfo.slice(colon + 1));
}
