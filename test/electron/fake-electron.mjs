// The part of Electron's API that @sentry/electron touches, enough to run its real code in Node:
// - renderer side: its preload script calls `ipcRenderer.send(channel, ...args)`; here every message is
//   written to stdout as one JSON line `{ channel, args }` (binary arguments as base64);
// - main side, started with `ipcMode: IPCMode.Classic` and no default integrations: `ipcMain` is an
//   EventEmitter, so a test delivers those messages to @sentry/electron's own handlers as Electron would.
import { EventEmitter } from 'node:events';

/** Marks a line of IPC traffic on stdout. */
export const IPC_LINE = '@@ipc ';

export const ipcRenderer = {
  send(channel, ...args) {
    const encoded = args.map((arg) =>
      arg instanceof Uint8Array ? { base64: Buffer.from(arg).toString('base64') } : arg,
    );
    process.stdout.write(`${IPC_LINE}${JSON.stringify({ channel, args: encoded })}\n`);
  },
  invoke: async () => ({}),
};
export const contextBridge = undefined;

export const ipcMain = Object.assign(new EventEmitter(), {
  handlers: new Map(),
  handle(channel, listener) {
    this.handlers.set(channel, listener);
  },
});

export const app = Object.assign(new EventEmitter(), {
  name: 'fake-electron-app',
  isPackaged: false,
  getName: () => 'fake-electron-app',
  getVersion: () => '1.0.0',
  getAppPath: () => process.cwd(),
  getPath: () => process.cwd(),
  isReady: () => false,
  whenReady: () => new Promise(() => {}),
});

export const session = { defaultSession: { protocol: {} } };
export const protocol = { registerSchemesAsPrivileged() {} };
export const webContents = { getAllWebContents: () => [], fromId: () => undefined };
export const BrowserWindow = { getAllWindows: () => [] };
export const autoUpdater = new EventEmitter();
export const crashReporter = { start() {}, getParameters: () => ({}) };
export const dialog = {};
export const net = {};
export const powerMonitor = new EventEmitter();
export const screen = new EventEmitter();
export const utilityProcess = undefined;
export const MessageChannelMain = undefined;
export default {
  ipcRenderer,
  contextBridge,
  ipcMain,
  app,
  session,
  protocol,
  webContents,
  BrowserWindow,
  autoUpdater,
  crashReporter,
  dialog,
  net,
  powerMonitor,
  screen,
};
