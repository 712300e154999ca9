import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { type Browser, launchChromium } from './chromium.js';
import { type EnvelopeReceiver, startEnvelopeReceiver } from './envelope-receiver.js';
import { REPOSITORY } from './spawn.js';

/** What the server answers on a path: a status, a body, and headers beside `content-type: application/json`. */
export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Answers for API paths: fixed, or chosen from the request's body. */
export type Api = Readonly<Record<string, Answer | ((requestBody: string) => Answer)>>;

export interface PageServer {
  readonly url: string;
  readonly server: Server;
  /** Paths of the scripts the browser fetched, in order. */
  readonly scripts: string[];
  close(): Promise<void>;
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Serves a page that loads `/page.js`, the built `files`, and the `api` on 127.0.0.1. */
export async function startPageServer(files: ReadonlyMap<string, string>, api: Api): Promise<PageServer> {
  const scripts: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = api[path];
    const script = files.get(path);
    if (route) {
      void bodyOf(request).then((body) => {
        const answer = typeof route === 'function' ? route(body) : route;
        response
          .writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
          .end(answer.body);
      });
    } else if (script !== undefined) {
      scripts.push(path);
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else if (path === '/') {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>app</title><script type="module" src="/page.js"></script>');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    server,
    scripts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `condition` holds or the time is up; the assertions that follow say what was missing. */
export async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Opens `url` and waits until its scenario has run (`window.scenarioDone`), or says what the page printed. */
export async function runPage(browser: Browser, url: string): Promise<void> {
  const { page, console: pageConsole } = browser;
  await page.goto(url);
  await page
    .waitForFunction(() => (globalThis as { scenarioDone?: boolean }).scenarioDone === true, undefined, {
      timeout: 20_000,
    })
    .catch((error: unknown) => {
      throw new Error(`the page did not finish: ${String(error)}\n${pageConsole.join('\n')}`);
    });
}

/** A page in Chromium: its bundle served beside an API, and a receiver for what the SDK sends. */
export interface BrowserScenario {
  readonly receiver: EnvelopeReceiver;
  readonly pageServer: PageServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Bundles `entry` for the browser (esbuild, with `bundleOptions` over the defaults; a `node:` import on
 * its path fails the build), serves it as `/page.js` beside `api`, and starts a receiver and Chromium.
 */
export async function startBrowserScenario(
  entry: string,
  api: Api,
  bundleOptions: BuildOptions = {},
): Promise<BrowserScenario> {
  const bundle = await build({
    entryPoints: [entry],
    absWorkingDir: REPOSITORY,
    bundle: true,
    format: 'esm',
    outdir: 'page',
    entryNames: 'page',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    ...bundleOptions,
  });
  const files = new Map((bundle.outputFiles ?? []).map((file) => [`/${basename(file.path)}`, file.text]));
  const receiver = await startEnvelopeReceiver();
  const pageServer = await startPageServer(files, api);
  const browser = await launchChromium();
  return {
    receiver,
    pageServer,
    browser,
    async close() {
      await browser.close();
      await pageServer.close();
      await receiver.close();
    },
  };
}
