import type { Rule } from '../rules/types.js';
import { type DemotingAction, detectRunsOn, type RunsOn } from './pack-options.js';
import { simplePackRules } from './simple-pack.js';

const PACK = 'websocketRules';

/** Options of `websocketRules`. */
export interface WebsocketOptions {
  /** What the demoting rules do with a match. @default 'breadcrumb' */
  readonly action?: DemotingAction;
  /**
   * Where the app runs: on a `device` a 502, 503 or 504 at the handshake is a gateway answering while the
   * server restarts (demoted); on a `server` it may be the app's own socket service (it passes).
   * @default 'device' where `document`, `process.versions.electron` or Tauri's globals exist, else 'server'
   */
  readonly runsOn?: RunsOn;
}

/**
 * The `ws` client's handshake answered with a status instead of `101 Switching Protocols`, in its own
 * message form "Unexpected server response: <status>": a 429 is `transient_upstream` wherever the app
 * runs; on a device (`runsOn`) a 502, 503 or 504 is too (the client reconnects). A 500, 401 or 403 and,
 * on a server, every 5xx pass.
 *
 * @example
 * expectedErrorsIntegration({ rules: websocketRules({ runsOn: 'device' }) });
 */
export function websocketRules(options: WebsocketOptions = {}): Rule[] {
  const all = simplePackRules(PACK, options, rules(), ['runsOn']);
  const device = (options?.runsOn ?? detectRunsOn()) === 'device';
  return device ? all : all.filter((rule) => rule.id !== 'ws-handshake-gateway');
}

function rules(): Rule[] {
  return [
    {
      id: 'ws-handshake-429',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      any: ['Unexpected server response: 429'],
    },
    {
      id: 'ws-handshake-gateway',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      any: [
        'Unexpected server response: 502',
        'Unexpected server response: 503',
        'Unexpected server response: 504',
      ],
    },
  ];
}
