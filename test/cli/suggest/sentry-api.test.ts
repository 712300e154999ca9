import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../run-cli.js';

const TOKEN = 'sntrys_loopback_secret_token_0123456789';

/** An issue as Sentry's issue serializer writes it (the fields `suggest` reads, and a few it ignores). */
function issue(index: number, archived: boolean) {
  return {
    id: String(1000 + index),
    shortId: `APP-${index}`,
    title: archived
      ? `Error: session expired for user${index}@example.com`
      : `TypeError: cannot read property ${index}`,
    culprit: 'app/session.ts in refresh',
    level: 'error',
    status: archived ? 'ignored' : 'unresolved',
    substatus: archived ? 'archived_until_escalating' : 'ongoing',
    count: String(3 + index),
    userCount: 1,
    firstSeen: '2025-01-01T00:00:00Z',
    lastSeen: '2025-01-02T00:00:00Z',
    metadata: archived
      ? { type: 'Error', value: `session expired for user${index}@example.com` }
      : { type: 'TypeError', value: `cannot read property ${index}` },
  };
}

type Mode =
  | 'large'
  | 'ok'
  | 'rate-limited'
  | 'unauthorized'
  | 'forbidden'
  | 'no-project'
  | 'no-org'
  | 'drop-mid'
  | 'html';
let mode: Mode = 'ok';
let requests: string[] = [];
let sawToken = true;
let server: Server;
let base: string;
let scratch: string;

/** Answers as Sentry's API does: 3 pages of issues with `Link` cursors; the error modes on demand. */
function answer(request: IncomingMessage, response: ServerResponse): unknown {
  const url = new URL(request.url ?? '/', base);
  requests.push(url.pathname + url.search);
  if (request.headers.authorization !== `Bearer ${TOKEN}`) sawToken = false;
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  if (url.pathname.startsWith('/api/0/organizations/'))
    return json(
      mode === 'no-org' ? 404 : 200,
      mode === 'no-org' ? { detail: 'The requested resource does not exist' } : { slug: 'acme' },
    );
  if (mode === 'unauthorized') return json(401, { detail: 'Invalid token' });
  if (mode === 'forbidden')
    return json(403, { detail: 'You do not have permission to perform this action.' });
  if (mode === 'no-project' || mode === 'no-org')
    return json(404, { detail: 'The requested resource does not exist' });
  if (mode === 'html') {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    return void response.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
  }
  const cursor = Number(url.searchParams.get('cursor')?.split(':')[1] ?? 0);
  if (mode === 'large') return json(200, largePage(cursor), { Link: pageLink(cursor, LARGE_PAGES) });
  if (
    mode === 'rate-limited' &&
    cursor === 1 &&
    requests.filter((path) => path.includes('cursor=0:1:0')).length === 1
  )
    return json(
      429,
      { detail: 'You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds' },
      { 'Retry-After': '0', 'X-Sentry-Rate-Limit-Remaining': '0' },
    );
  if (mode === 'drop-mid' && cursor === 2) return void request.socket.destroy();
  const page = Array.from({ length: 4 }, (_, index) => issue(cursor * 4 + index, index % 2 === 0));
  const link = (at: number, rel: string, results: boolean) =>
    `<${base}/api/0/projects/acme/web/issues/?cursor=0:${at}:0>; rel="${rel}"; results="${results}"; cursor="0:${at}:0"`;
  json(200, page, {
    Link: `${link(cursor - 1, 'previous', cursor > 0)}, ${link(cursor + 1, 'next', cursor < 2)}`,
    'X-Sentry-Rate-Limit-Remaining': '39',
    'X-Sentry-Rate-Limit-Limit': '40',
  });
}

/** 100,000 issues: 1,000 pages of 100, ten archived templates and ten others, every value its own. */
const LARGE_PAGES = 1_000;
function largePage(cursor: number) {
  return Array.from({ length: 100 }, (_, index) => {
    const number = cursor * 100 + index;
    const archived = number % 2 === 0;
    const value = archived
      ? `quota ${number % 20} exhausted for tenant ${number} at ${number}.example.com`
      : `worker ${number % 20} crashed on job ${number}`;
    return {
      id: String(number),
      title: `Error: ${value}`,
      culprit: 'jobs',
      level: 'error',
      status: archived ? 'ignored' : 'unresolved',
      substatus: archived ? 'archived_forever' : 'ongoing',
      count: '2',
      userCount: 1,
      metadata: { type: 'Error', value },
    };
  });
}
function pageLink(cursor: number, pages: number): string {
  const link = (at: number, rel: string, results: boolean) =>
    `<${base}/api/0/projects/acme/web/issues/?cursor=0:${at}:0>; rel="${rel}"; results="${results}"; cursor="0:${at}:0"`;
  return `${link(cursor - 1, 'previous', cursor > 0)}, ${link(cursor + 1, 'next', cursor < pages - 1)}`;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sentry-expected-errors-api-'));
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(scratch, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
  mode = 'ok';
  requests = [];
  sawToken = true;
});

const fromSentry = (...extra: string[]) =>
  runCli('suggest', '--org', 'acme', '--project', 'web', '--url', base, ...extra);

describe('suggest --org --project (a loopback server answering as Sentry)', () => {
  it('follows the Link cursor over every page and suggests a rule for the archived issues', async () => {
    vi.stubEnv('SENTRY_AUTH_TOKEN', TOKEN);
    const out = join(scratch, 'rules.mjs');
    const result = await fromSentry('--json', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    expect(requests.filter((path) => path.includes('/issues/'))).toHaveLength(3);
    expect(requests[0]).toContain('query=');
    expect(sawToken).toBe(true);
    const report = JSON.parse(result.stdout) as {
      candidates: Array<{
        rule: { all: string[]; kind: string };
        events: number;
        issues: number;
        counterExamplesClaimed: number;
      }>;
      covered: unknown[];
    };
    expect(report.candidates).toHaveLength(1);
    expect(report.candidates[0]?.rule.all).toEqual(['Error: session expired for']);
    expect(report.candidates[0]?.issues).toBe(6);
    expect(report.candidates[0]?.counterExamplesClaimed).toBe(0);
    expect(report.covered).toEqual([]);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect((await runCli('check', '--rules', out)).code).toBe(0);
  });

  it('waits as a 429 with Retry-After asks, then goes on', async () => {
    vi.stubEnv('SENTRY_AUTH_TOKEN', TOKEN);
    mode = 'rate-limited';
    const result = await fromSentry('--json');
    expect(result.code, result.stderr).toBe(0);
    expect(requests.filter((path) => path.includes('cursor=0:1:0'))).toHaveLength(2);
    expect(JSON.parse(result.stdout).candidates[0].issues).toBe(6);
  });

  it.each([
    ['unauthorized', /refused SENTRY_AUTH_TOKEN \(401: Invalid token\).*scope project:read/],
    ['forbidden', /403.*lacks the scope project:read/],
    ['no-project', /unknown project "web" in organization "acme" \(404/],
    ['no-org', /unknown organization "acme" \(404/],
    ['html', /an HTML page \("502 Bad Gateway"\), not a Sentry export/],
    ['drop-mid', /network failure after reading 8 issues.*nothing written/],
  ] as const)(
    'says what is wrong when Sentry answers %s, exits non-zero and writes nothing',
    async (answerMode, message) => {
      vi.stubEnv('SENTRY_AUTH_TOKEN', TOKEN);
      mode = answerMode;
      const out = join(scratch, `${answerMode}.mjs`);
      const result = await fromSentry('--out', out);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain(TOKEN);
      await expect(stat(out)).rejects.toThrow();
    },
  );

  it('reads 100,000 issues in bounded memory, with progress on stderr', async () => {
    vi.stubEnv('SENTRY_AUTH_TOKEN', TOKEN);
    mode = 'large';
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const result = await fromSentry('--json');
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    process.stdout.write(
      `suggest on 100,000 issues: ${Date.now() - started} ms, heap +${Math.round(heapGrowth / 1e6)} MB\n`,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('fetched 100,000 issues (1,000 pages)');
    const report = JSON.parse(result.stdout) as {
      candidates: Array<{ events: number; counterExamplesClaimed: number }>;
    };
    expect(report.candidates).toHaveLength(1);
    expect(report.candidates[0]).toMatchObject({ events: 100_000, counterExamplesClaimed: 0 });
    expect(heapGrowth).toBeLessThan(400e6);
  }, 120_000);

  it('asks for a token when SENTRY_AUTH_TOKEN is not set, and sends no request', async () => {
    vi.stubEnv('SENTRY_AUTH_TOKEN', '');
    const result = await fromSentry();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs a token in SENTRY_AUTH_TOKEN (scope project:read)');
    expect(requests).toEqual([]);
  });
});
