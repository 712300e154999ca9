/**
 * Gateway and proxy error pages (Cloudflare 5xx, nginx, load balancers) arrive as a whole HTML document
 * where a JSON body was expected. Only the parts that name the failure are scanned: the `<title>`
 * (`api.example.com | 502: Bad gateway`, `502 Bad Gateway`) and Cloudflare's `Error code 520` label.
 * The markup, scripts and explanations around them are noise that would trip phrase rules.
 */

const HTML_START = /<!doctype html|<html[\s>]/i;
const TITLE = /<title[^<>]{0,256}>([^<]{0,512})<\/title>/i;
const ERROR_CODE_LABEL = /\berror code:? ?\d{3}\b/i;
const HEADING = /<h1[^<>]{0,256}>([^<]{1,512})</i;

/** Whether `text` is an HTML document (looked for near its start only). */
export function isHtmlPage(text: string): boolean {
  return HTML_START.test(text.slice(0, 512));
}

/** The lines of an HTML page that name the failure, joined by newlines (empty when none is found). */
export function htmlPageSummary(html: string): string {
  const lines: string[] = [];
  const title = TITLE.exec(html)?.[1];
  if (title !== undefined) lines.push(title);
  const heading = HEADING.exec(html)?.[1];
  if (heading !== undefined && heading !== title) lines.push(heading);
  const label = ERROR_CODE_LABEL.exec(html)?.[0];
  if (label !== undefined) lines.push(label);
  return lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
