/**
 * Secret shapes removed from anything this package derives from an event (breadcrumb summaries, CLI
 * output, tags). Each entry names the credential it exists for; the replacement keeps the label so the
 * text still reads, never any character of the secret.
 */
const SECRET_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // user:password@ in any URL (postgres://, https://, redis://…).
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]*@/gi, '$1[redacted]@'],
  // Authorization headers: Bearer / Basic / Token schemes.
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/g, '$1 [redacted]'],
  // JSON Web Tokens (header.payload.signature, base64url, header starts with `eyJ`).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]'],
  // OpenAI (sk-, sk-proj-), Anthropic (sk-ant-), OpenRouter (sk-or-) and similar `sk-` keys.
  [/\bsk-[A-Za-z0-9_-]{8,}/g, 'sk-[redacted]'],
  // Google API keys.
  [/\bAIza[0-9A-Za-z_-]{30,}/g, '[redacted-google-key]'],
  // AWS access key ids.
  [/\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\b/g, '[redacted-aws-key]'],
  // GitHub, Slack, Stripe and Hugging Face tokens.
  [
    /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|[rs]k_(?:live|test)_[A-Za-z0-9]{10,}|hf_[A-Za-z0-9]{20,})/g,
    '[redacted-token]',
  ],
  // Credentials in query strings, headers, JSON and key=value logs (a scheme such as `Bearer` is left
  // to the rule above, which has already replaced what follows it).
  [
    /((?:[?&;]|\b)(?:api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|id[_-]?token|auth[_-]?token|token|secret|client[_-]?secret|password|passwd|pwd|signature|sig|x-api-key|authorization|aws_secret_access_key)["']?\s*[:=]\s*["']?)(?!(?:Bearer|Basic|Token) )[^\s"'&,;}]+/gi,
    '$1[redacted]',
  ],
];

/** Replaces every known secret shape in `text`. */
export function redactSecrets(text: string): string {
  let redacted = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) redacted = redacted.replace(pattern, replacement);
  return redacted;
}

/** Longest summary a demotion breadcrumb carries. */
export const MAX_SUMMARY_LENGTH = 200;
/** Only this much of the source text is read to make a summary. */
const SUMMARY_WINDOW = 1_024;

/** A short, one-line, secret-redacted summary of an error text. */
export function summarize(text: string): string {
  const window = text.length > SUMMARY_WINDOW ? text.slice(0, SUMMARY_WINDOW) : text;
  const oneLine = redactSecrets(window).replace(/\s+/g, ' ').trim();
  if (oneLine.length <= MAX_SUMMARY_LENGTH) return oneLine;
  return `${cutAtCodePoint(oneLine, MAX_SUMMARY_LENGTH - 1)}…`;
}

/** `text.slice(0, length)` that never splits a surrogate pair. */
function cutAtCodePoint(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
