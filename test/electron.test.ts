import type { Breadcrumb, Envelope, Event } from '@sentry/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTypeScript } from './helpers/spawn.js';

// Both processes of an Electron app, each in its own Node process with @sentry/electron's real code:
// the renderer's preload bridge and SDK (on @sentry/browser) print the IPC messages they send; the main
// process's SDK receives them through `ipcMain` (its own handlers: scope updates with breadcrumbs,
// envelopes re-captured with `captureEvent`, serialized logs) and prints what it sends to Sentry.
// `test/electron/fake-electron.mjs` stands in for the Electron binary, which CI cannot download.
const FAKE_ELECTRON = ['--import', './test/electron/register-fake-electron.mjs'];

interface MainSent {
  readonly events: Event[];
  readonly logs: Array<{ body: string; level: string }>;
  readonly dropped: number;
}

async function runElectron(rendererArguments: readonly string[]): Promise<MainSent> {
  const renderer = await runTypeScript('test/electron/renderer-scenario.ts', rendererArguments, {
    nodeArguments: FAKE_ELECTRON,
  });
  expect(renderer.code, renderer.stderr).toBe(0);
  const main = await runTypeScript('test/electron/main-scenario.ts', [], {
    nodeArguments: FAKE_ELECTRON,
    input: renderer.stdout,
  });
  expect(main.code, main.stderr).toBe(0);
  const envelopes = main.stdout
    .split('\n')
    .filter((line) => line.startsWith('@@envelope '))
    .map((line) => JSON.parse(line.slice('@@envelope '.length)) as Envelope);
  const items = (type: string) =>
    envelopes.flatMap(([, envelopeItems]) =>
      envelopeItems.filter(([header]) => header.type === type).map(([, payload]) => payload as unknown),
    );
  return {
    events: items('event') as Event[],
    logs: items('log').flatMap((container) => (container as { items: MainSent['logs'] }).items),
    dropped: items('client_report')
      .flatMap(
        (report) =>
          (report as { discarded_events: Array<{ reason: string; quantity: number }> }).discarded_events,
      )
      .filter((entry) => entry.reason === 'event_processor')
      .reduce((total, entry) => total + entry.quantity, 0),
  };
}

const trailOf = (event: Event | undefined) =>
  (event?.breadcrumbs ?? []).map((breadcrumb: Breadcrumb) => [
    breadcrumb.category,
    breadcrumb.level,
    breadcrumb.message,
  ]);

describe('Electron: renderer events, breadcrumbs and logs decided by the main process', () => {
  let withMarks: MainSent;
  let withoutRendererIntegration: MainSent;
  let withRulesInRenderer: MainSent;
  beforeAll(async () => {
    [withMarks, withoutRendererIntegration, withRulesInRenderer] = await Promise.all([
      runElectron(['--marks']),
      runElectron([]),
      runElectron(['--rules']),
    ]);
  }, 120_000);

  it('decides typed expected errors thrown in a renderer as if thrown in main (expectedErrorMarksIntegration)', () => {
    expect(withMarks.events.map((event) => event.exception?.values?.at(-1)?.value)).toEqual([
      'a real renderer bug',
    ]);
    expect(withMarks.events[0]?.tags?.['event.process']).toBe('renderer');
    expect(withMarks.dropped).toBe(2);
    // The demotion breadcrumb sits on main's isolation scope (the SDK lists those before the current
    // scope's, where main stores the renderer's): one, with its kind and rule.
    const demotions = (withMarks.events[0]?.breadcrumbs ?? []).filter(
      (breadcrumb) => breadcrumb.category === 'expected_error',
    );
    expect(demotions.map((breadcrumb) => [breadcrumb.level, breadcrumb.message, breadcrumb.data])).toEqual([
      [
        'info',
        'session_expired: ExpectedError: GET /v1/profile: session token rejected',
        { kind: 'session_expired', rule: 'typed:session_expired' },
      ],
    ]);
  });

  it('classifies the renderer breadcrumbs main stores past its beforeBreadcrumb', () => {
    const rendererTrail = trailOf(withMarks.events[0]).filter(([category]) => category !== 'expected_error');
    expect(rendererTrail).toEqual([
      ['console', 'info', 'chat: OpenHuman API error (401): {"error":"Invalid token"}'],
      ['ui.click', undefined, 'button#send'],
      // The renderer's own record of sending an event; those of the marked events are not kept, as an
      // error thrown in main leaves none.
      ['sentry.event', 'error', 'Error: a real renderer bug'],
    ]);
    expect(
      withMarks.events[0]?.breadcrumbs?.find((breadcrumb) => breadcrumb.category === 'console')?.data,
    ).toEqual({ 'expected_error.kind': 'session_expired' });
    expect(trailOf(withoutRendererIntegration.events.at(-1))[0]?.[1]).toBe('info');
  });

  it('sends typed errors from a renderer without the marks integration: their kind never left it', () => {
    expect(withoutRendererIntegration.events.map((event) => event.exception?.values?.at(-1)?.type)).toEqual([
      'ExpectedError',
      'Error',
      'Error',
    ]);
    expect(withoutRendererIntegration.dropped).toBe(0);
  });

  it("decides renderer logs in main too, though they never pass main's beforeSendLog", () => {
    for (const sent of [withMarks, withoutRendererIntegration, withRulesInRenderer])
      expect(sent.logs.map((log) => log.body)).toEqual(['the renderer log of a real failure']);
  });

  it('decides everything in the renderer when the full integration runs there', () => {
    expect(withRulesInRenderer.events.map((event) => event.exception?.values?.at(-1)?.value)).toEqual([
      'a real renderer bug',
    ]);
    expect(trailOf(withRulesInRenderer.events[0])).toContainEqual([
      'expected_error',
      'info',
      'session_expired: ExpectedError: GET /v1/profile: session token rejected',
    ]);
  });
});
