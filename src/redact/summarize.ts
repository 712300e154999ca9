import { redactSecrets } from './redact-secrets.js';
import { SECRET_SHAPES } from './secret-shapes.js';

/** Longest summary a demotion breadcrumb carries. */
export const MAX_SUMMARY_LENGTH = 200;
/** Only this much of the source text is redacted to make a summary (well beyond what it shows). */
const SUMMARY_WINDOW = 4_096;
/**
 * A text this long may already have been cut by whoever read it from the event (`eventHeadline` keeps
 * 2,048 characters of an exception value), so its last token is dropped too: it only shows in the summary
 * when redaction shrank what comes before it, and then it could be the start of a secret.
 */
const POSSIBLY_CUT_LENGTH = 1_024;
/** Characters that can end a token: a secret never spans one, except the shapes that redact across it. */
const TOKEN_END = /[\s"'`,;()[\]{}<>|]/;
/** Whitespace that `toOneLine` changes: any but a single inner space. */
const MULTIPLE_OR_OTHER_SPACE = /^ | $|[^\S ]| {2}/;
const SECRET_PREFIXES: readonly string[] = SECRET_SHAPES.flatMap((shape) => shape.prefixes ?? []);
/** What a secret is made of, to find the last token of a summary. */
const isSecretChar = (code: number): boolean =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  // _ - . ~ + / = :
  code === 95 ||
  code === 45 ||
  code === 46 ||
  code === 126 ||
  code === 43 ||
  code === 47 ||
  code === 61 ||
  code === 58;

/**
 * A short, one-line, secret-redacted summary of an error text. Redacts first, then cuts: a secret that
 * straddles the cut is removed whole, never left in part. A long text is read up to `SUMMARY_WINDOW`
 * characters, and its last token (cut by that window, or by the caller) is dropped before redacting: a
 * secret cut in two may no longer look like one. Whatever the cut, the summary never ends on the start of a known secret shape
 * (`sk-`, `AIza`, `eyJ`…).
 */
export function summarize(text: string): string {
  const source = text.length >= POSSIBLY_CUT_LENGTH ? dropCutToken(text.slice(0, SUMMARY_WINDOW)) : text;
  const oneLine = toOneLine(redactSecrets(source));
  if (oneLine.length <= MAX_SUMMARY_LENGTH) return maskTrailingSecretStart(oneLine);
  return `${maskTrailingSecretStart(cutAtCodePoint(oneLine, MAX_SUMMARY_LENGTH - 1))}…`;
}

/** Whitespace runs as one space, none at either end (`replace` and `trim` only when there is any). */
function toOneLine(text: string): string {
  return MULTIPLE_OR_OTHER_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** `window` without its last token (the one the window cut), unless the window is a single token. */
function dropCutToken(window: string): string {
  for (let position = window.length - 1; position > 0; position--) {
    if (TOKEN_END.test(window.charAt(position))) return `${window.slice(0, position + 1)}…`;
  }
  return window;
}

/** Drops a last token that begins like a known secret (`sk-`, `AIzaSyA1`): the summary only gets shorter. */
function maskTrailingSecretStart(summary: string): string {
  let start = summary.length;
  while (start > 0 && isSecretChar(summary.charCodeAt(start - 1))) start--;
  const last = summary.slice(start);
  if (last.length === 0 || !SECRET_PREFIXES.some((prefix) => startsLike(last, prefix))) return summary;
  return summary.slice(0, start).trimEnd();
}

/** Whether `token` starts with the whole of `prefix`. */
function startsLike(token: string, prefix: string): boolean {
  return token.startsWith(prefix);
}

/** `text.slice(0, length)` that never splits a surrogate pair. */
function cutAtCodePoint(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
