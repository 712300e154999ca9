import { CliInputError } from '../cli-error.js';
import { isJsonObject, type JsonObject } from '../recorded-event.js';
import { nextPageUrl } from './link-header.js';
import { foreignContentReason } from './read-samples.js';

/** Options of `issuesFromSentry`. */
export interface SentryIssuesOptions {
  readonly org: string;
  readonly project: string;
  /** Sentry's base URL (self-hosted). @default 'https://sentry.io' */
  readonly url?: string;
  /** An issue search, e.g. `is:ignored`. @default '' (every status: archived issues are the triage) */
  readonly query?: string;
  /** `SENTRY_AUTH_TOKEN` (`project:read`); sent only in the `Authorization` header, never printed. */
  readonly token: string | undefined;
  readonly fetch?: typeof fetch;
  /** Where progress goes (one line per 10 pages, or a redrawn line on a terminal). */
  readonly progress?: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Waits before a retry. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
}

const MAX_RETRIES = 5;
const PAGE_SIZE = 100;

/**
 * Streams the issues of a project from `GET /api/0/projects/{org}/{project}/issues/`, page by page,
 * following the `Link` cursor; a 429 waits for `Retry-After` (or `X-Sentry-Rate-Limit-Reset`) and retries,
 * and a page that leaves no requests in the window (`X-Sentry-Rate-Limit-Remaining: 0`) waits for the reset.
 * Throws `CliInputError` naming what is wrong: a missing or refused token (which scope), an unknown org or
 * project, an answer that is not Sentry's, a network failure (with how many issues were read).
 */
export async function* issuesFromSentry(options: SentryIssuesOptions): AsyncGenerator<JsonObject> {
  if (options.token === undefined || options.token.length === 0)
    throw new CliInputError(
      'suggest --org/--project needs a token in SENTRY_AUTH_TOKEN (scope project:read)',
    );
  const base = (options.url ?? 'https://sentry.io').replace(/\/+$/, '');
  const where = `${options.org}/${options.project}`;
  let url: string | undefined =
    `${base}/api/0/projects/${encodeURIComponent(options.org)}/${encodeURIComponent(options.project)}/issues/?limit=${PAGE_SIZE}&query=${encodeURIComponent(options.query ?? '')}`;
  let read = 0;
  let pages = 0;
  while (url !== undefined) {
    const response = await request(url, options, read, base);
    const body = await response.text();
    if (!response.ok) throw await failure(response, body, options, base);
    const reason = foreignContentReason(body);
    const parsed = reason === undefined ? parseArray(body) : undefined;
    if (parsed === undefined)
      throw new CliInputError(
        `${base} answered for ${where} with ${reason ?? 'something that is not a JSON array of issues'} (after ${read} issues)`,
      );
    for (const issue of parsed) if (isJsonObject(issue)) yield issue;
    read += parsed.length;
    pages++;
    report(options, read, pages);
    url = nextPageUrl(response.headers.get('link'));
    if (url !== undefined) await waitForWindow(response, options);
  }
  if (pages > 1 && options.progress?.isTTY) options.progress.write('\r\x1b[K');
}

async function request(
  url: string,
  options: SentryIssuesOptions,
  read: number,
  base: string,
): Promise<Response> {
  const fetcher = options.fetch ?? fetch;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetcher(url, {
        headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/json' },
      });
    } catch (error) {
      const cause =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
      throw new CliInputError(
        `${base}: network failure after reading ${read} issues (${cause}); nothing written`,
      );
    }
    if (response.status !== 429 || attempt >= MAX_RETRIES) return response;
    await response.body?.cancel();
    await (options.sleep ?? delay)(retryAfterMs(response));
  }
}

/** How long a 429 asks to wait: `Retry-After` seconds, else until `X-Sentry-Rate-Limit-Reset`, else a second. */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  if (Number.isFinite(seconds) && seconds >= 0 && response.headers.has('retry-after')) return seconds * 1_000;
  const reset = Number(response.headers.get('x-sentry-rate-limit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1_000 - Date.now()) : 1_000;
}

async function waitForWindow(response: Response, options: SentryIssuesOptions): Promise<void> {
  if (response.headers.get('x-sentry-rate-limit-remaining') !== '0') return;
  const reset = Number(response.headers.get('x-sentry-rate-limit-reset'));
  if (Number.isFinite(reset) && reset > 0)
    await (options.sleep ?? delay)(Math.max(0, reset * 1_000 - Date.now()));
}

async function failure(
  response: Response,
  body: string,
  options: SentryIssuesOptions,
  base: string,
): Promise<CliInputError> {
  const where = `${options.org}/${options.project}`;
  const detail = detailOf(body);
  if (response.status === 401)
    return new CliInputError(
      `${base} refused SENTRY_AUTH_TOKEN (401${detail}): it is invalid or revoked; it needs the scope project:read`,
    );
  if (response.status === 403)
    return new CliInputError(
      `${base} refused SENTRY_AUTH_TOKEN for ${where} (403${detail}): the token lacks the scope project:read (or access to this project)`,
    );
  if (response.status === 404) {
    const org = await (options.fetch ?? fetch)(
      `${base}/api/0/organizations/${encodeURIComponent(options.org)}/`,
      {
        headers: { Authorization: `Bearer ${options.token}` },
      },
    ).then(
      (answer) => answer.status,
      () => 0,
    );
    return new CliInputError(
      org === 404
        ? `${base}: unknown organization ${JSON.stringify(options.org)} (404${detail})`
        : `${base}: unknown project ${JSON.stringify(options.project)} in organization ${JSON.stringify(options.org)} (404${detail})`,
    );
  }
  return new CliInputError(
    `${base} answered ${response.status} for ${where}${detail ? ` (${detail.slice(2)})` : ''}`,
  );
}

function detailOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    return isJsonObject(parsed) && typeof parsed.detail === 'string'
      ? `: ${parsed.detail.slice(0, 200)}`
      : '';
  } catch {
    return '';
  }
}

function parseArray(body: string): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function report(options: SentryIssuesOptions, read: number, pages: number): void {
  const stream = options.progress;
  if (stream === undefined) return;
  if (stream.isTTY)
    stream.write(`\r\x1b[K  fetching issues: ${read.toLocaleString('en-US')} (page ${pages})…`);
  else if (pages % 10 === 0)
    stream.write(
      `fetched ${read.toLocaleString('en-US')} issues (${pages.toLocaleString('en-US')} pages)…\n`,
    );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
