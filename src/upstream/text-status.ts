/**
 * HTTP statuses in text as apps and SDKs print them. Only a number in a known frame counts (never a
 * bare digit run: `You requested 429 tokens` is not a rate limit, `port 5023` not a 502), and only
 * 400-599. When several frames match, the one earliest in the text wins.
 */

/** Reason phrases (RFC 9110, Cloudflare's 52x pages, Anthropic's 529) that make `NNN <phrase>` a status. */
const REASON_PHRASES =
  'Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Request Timeout|Conflict|' +
  'Payload Too Large|Content Too Large|Request Entity Too Large|Unprocessable (?:Entity|Content)|' +
  'Too Many Requests|Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|' +
  'Gateway Time-?out|Web server is returning an unknown error|Web server is down|Connection timed out|' +
  'Origin is unreachable|A timeout occurred|SSL handshake failed|Invalid SSL certificate|Overloaded';

const STATUS_FRAMES: readonly RegExp[] = [
  // `HTTP 502`, `HTTP/1.1 502`, `HTTP error: 502`, `HTTP status 529` (coder's status-only message).
  /\bHTTP(?:\/\d(?:\.\d)?)?(?:[ _](?:error|status)(?: code)?)?:? ?([45]\d\d)\b/i,
  // `status code 429`, `status: 503`, `statusCode=502`, `"status": 503`.
  /\bstatus(?:[ _]?code)?"?:? ?=? ?\(?([45]\d\d)\b/i,
  // Python SDKs: `Error code: 429 - {...}`; Cloudflare pages: `Error code 520`.
  /\berror code:? ?([45]\d\d)\b/i,
  // `API error (502 Bad Gateway)`, `OpenAI API error 429`, `api error: 500`.
  /\bAPI error:? ?\(?([45]\d\d)\b/i,
  // A status followed by its reason phrase: `(503 Service Unavailable)`, `| 502: Bad gateway`.
  new RegExp(`\\b([45]\\d\\d):? (?:${REASON_PHRASES})\\b`, 'i'),
  // The SDK message format at the very start: `429 status code (no body)`, `400 {"type":"error",…}`,
  // `RateLimitError: 429 Rate limit reached…` (a capital letter: `429 tokens` is not a status).
  /^(?:[A-Za-z]{0,40}Error: )?([45]\d\d) (?:status code|[{[A-Z])/,
];

/** The first HTTP error status `text` states in a known frame. */
export function statusFromText(text: string): number | undefined {
  let earliest: { readonly index: number; readonly status: number } | undefined;
  for (const frame of STATUS_FRAMES) {
    const match = frame.exec(text);
    if (match?.[1] === undefined || (earliest !== undefined && match.index >= earliest.index)) continue;
    earliest = { index: match.index, status: Number(match[1]) };
  }
  return earliest?.status;
}
