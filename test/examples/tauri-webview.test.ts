import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium, RUN_IN_BROWSER } from '../helpers/chromium.js';
import { type EnvelopeReceiver, startEnvelopeReceiver } from '../helpers/envelope-receiver.js';
import { REPOSITORY } from '../helpers/spawn.js';

/**
 * Stands in for `window.__TAURI__`: `complete` rejects the way the example's Rust command does, with a
 * serialized `CommandError` (not an Error), picked by the prompt.
 */
const TAURI_STAND_IN = `
window.__TAURI__ = { core: { invoke: async (command, args) => {
  const rejections = {
    expired: { code: 'session_expired', status: 401, message: 'session token rejected by the backend' },
    busy: { code: 'upstream', status: 503, message: 'Anthropic API error (503 Service Unavailable)' },
    'bad-key': { code: 'provider', status: 401, message: 'OpenAI API error (401): {"error":{"code":"invalid_api_key"}}' },
  };
  if (command === 'complete' && rejections[args.prompt]) throw rejections[args.prompt];
  return 'echo: ' + args.prompt;
} } };`;

interface SentEvent {
  exception?: { values: Array<{ type: string; value: string }> };
  breadcrumbs?: Array<{ category?: string; data?: Record<string, unknown> }>;
}

let receiver: EnvelopeReceiver;
let server: Server | undefined;
let browser: Browser | undefined;
let pageUrl = '';

beforeAll(async () => {
  if (!RUN_IN_BROWSER) return;
  // A browser bundle of the example, as a Tauri app's UI build makes it (no Node API may be on its path).
  const bundle = await build({
    entryPoints: ['examples/tauri-webview/main.ts'],
    absWorkingDir: REPOSITORY,
    tsconfig: 'examples/tsconfig.json',
    bundle: true,
    format: 'iife',
    globalName: 'app',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  receiver = await startEnvelopeReceiver();
  const html = `<!doctype html><title>tauri webview</title>
<script>window.SENTRY_DSN = ${JSON.stringify(receiver.dsn)};${TAURI_STAND_IN}</script>
<script src="/main.js"></script>`;
  server = createServer((request, response) => {
    if (request.url === '/main.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.outputFiles[0]?.text);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  await receiver?.close();
});

describe.runIf(RUN_IN_BROWSER)('examples/tauri-webview', () => {
  it('sends the rejected key; the expired session (typed) and the 503 (by status) leave breadcrumbs on it', async () => {
    const { page } = browser as Browser;
    await page.goto(pageUrl);
    const answers = await page.evaluate(async () => {
      const app = (globalThis as unknown as { app: { send(prompt: string): Promise<string> } }).app;
      const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
      const replies = [await app.send('hello'), await app.send('expired')];
      await pause();
      replies.push(await app.send('busy'));
      await pause();
      replies.push(await app.send('bad-key'));
      return replies;
    });
    expect(answers).toEqual([
      'echo: hello',
      'Something went wrong. Please try again.',
      'Something went wrong. Please try again.',
      'Something went wrong. Please try again.',
    ]);
    const deadline = Date.now() + 10_000;
    while (receiver.itemsOf('event').length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const events = receiver.itemsOf('event') as SentEvent[];
    expect(events.map((event) => event.exception?.values.at(-1)?.value)).toEqual([
      'complete failed (provider): OpenAI API error (401): {"error":{"code":"invalid_api_key"}}',
    ]);
    expect(
      events[0]?.breadcrumbs
        ?.filter((crumb) => crumb.category === 'expected_error')
        .map((crumb) => crumb.data),
    ).toEqual([
      { kind: 'session_expired', rule: 'typed:session_expired' },
      { kind: 'transient_upstream', rule: 'transient-status' },
    ]);
  }, 30_000);
});
