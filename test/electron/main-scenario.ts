// An Electron main process, run in Node: @sentry/electron/main's real SDK and IPC handlers with
// expectedErrorsIntegration. It reads a renderer's IPC messages (JSON lines from the renderer scenario)
// on stdin, delivers them through `ipcMain`, and prints every envelope main sends as a JSON line.
import { text } from 'node:stream/consumers';
import * as Sentry from '@sentry/electron/main';
import { ipcMain } from 'electron';
import { expectedErrorsIntegration } from 'sentry-expected-errors';
import { rules } from './rules.js';

/** Marks a line of envelopes on stdout. */
const ENVELOPE_LINE = '@@envelope ';
const IPC_LINE = '@@ipc ';

Sentry.init({
  dsn: 'http://public@127.0.0.1:9/1',
  ipcMode: Sentry.IPCMode.Classic,
  defaultIntegrations: false,
  skipOpenTelemetrySetup: true,
  sendClientReports: true,
  integrations: [expectedErrorsIntegration({ rules })],
  transport: () => ({
    send: async (envelope) => {
      process.stdout.write(`${ENVELOPE_LINE}${JSON.stringify(envelope)}\n`);
      return { statusCode: 200 };
    },
    flush: async () => true,
  }),
});

const sender = { id: 1, isDestroyed: () => false, once: () => undefined };
for (const line of (await text(process.stdin)).split('\n')) {
  if (!line.startsWith(IPC_LINE)) continue;
  const { channel, args } = JSON.parse(line.slice(IPC_LINE.length)) as { channel: string; args: unknown[] };
  const decoded = args.map((arg) =>
    typeof arg === 'object' && arg !== null && 'base64' in arg
      ? new Uint8Array(Buffer.from(String(arg.base64), 'base64'))
      : arg,
  );
  ipcMain.emit(channel, { sender }, ...decoded);
  // Let the (asynchronous) event pipeline finish with one message before the next arrives, as over IPC.
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await Sentry.flush(2_000);
await Sentry.flush(2_000);
// The SDK's log buffer keeps a timer alive; everything has been sent.
process.exit(0);
