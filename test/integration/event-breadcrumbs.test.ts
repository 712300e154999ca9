import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ExpectedErrorsIntegration,
  type ExpectedErrorsOptions,
  expectedErrorsIntegration,
  type Rule,
} from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';

const rules: Rule[] = [
  { id: 'guard', kind: 'provider_key_rejected', action: 'report', any: ['invalid_api_key'] },
  {
    id: 'invalid-token',
    kind: 'session_expired',
    action: 'breadcrumb',
    all: ['API error (401', 'Invalid token'],
  },
  { id: 'analytics', kind: 'analytics', action: 'drop', any: ['/analytics/'] },
  { id: 'unauthorized', kind: 'unauthorized', action: 'drop', status: 401 },
];

let capture: Capture;
function init(options: ExpectedErrorsOptions = { rules }): void {
  capture = captureTransport();
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: capture.transport,
    integrations: [expectedErrorsIntegration(options)],
  });
}
async function sentBreadcrumbs(): Promise<Sentry.Breadcrumb[]> {
  await Sentry.flush(2_000);
  const [event] = capture.events();
  return event?.breadcrumbs ?? [];
}
/** Stores breadcrumbs the way Electron's main process stores a renderer's: past `beforeBreadcrumb`. */
function addPastBeforeBreadcrumb(...breadcrumbs: Sentry.Breadcrumb[]): void {
  for (const breadcrumb of breadcrumbs) Sentry.getCurrentScope().addBreadcrumb(breadcrumb, 100);
}

afterEach(async () => {
  await Sentry.close();
  for (const scope of [Sentry.getIsolationScope(), Sentry.getCurrentScope(), Sentry.getGlobalScope()])
    scope.clearBreadcrumbs();
});

describe('expectedErrorsIntegration: breadcrumbs that reach an event without passing beforeBreadcrumb', () => {
  it('drops, demotes or keeps them on the event, the way beforeBreadcrumb would have', async () => {
    init();
    addPastBeforeBreadcrumb(
      { category: 'fetch', data: { url: 'https://x.test/analytics/track', status_code: 200 } },
      { category: 'xhr', level: 'warning', data: { url: 'https://api.test/me', status_code: 401 } },
      { category: 'ui', level: 'error', message: 'chat: API error (401): {"error":"Invalid token"}' },
      { category: 'ui', message: 'OpenAI API error (401): invalid_api_key' },
      { category: 'ui', message: 'ordinary step' },
    );
    Sentry.captureException(new Error('a real bug'));
    const breadcrumbs = await sentBreadcrumbs();
    expect(breadcrumbs.map((breadcrumb) => breadcrumb.message)).toEqual([
      'chat: API error (401): {"error":"Invalid token"}',
      'OpenAI API error (401): invalid_api_key',
      'ordinary step',
    ]);
    expect(breadcrumbs[0]).toMatchObject({
      level: 'info',
      data: { 'expected_error.kind': 'session_expired' },
    });
    expect(breadcrumbs[1]).toEqual(expect.not.objectContaining({ data: expect.anything() }));
    expect(breadcrumbs[2]?.level).toBeUndefined();
  });

  it('never decides a breadcrumb twice: ours and those already carrying expected_error.kind stay as they are', async () => {
    init();
    Sentry.captureException(new Error('API error (401): {"error":"Invalid token"}'));
    await Sentry.flush(2_000);
    addPastBeforeBreadcrumb({
      category: 'ui',
      level: 'warning',
      message: 'POST https://x.test/analytics/track',
      data: { 'expected_error.kind': 'decided_in_renderer' },
    });
    Sentry.captureException(new Error('a real bug'));
    const breadcrumbs = await sentBreadcrumbs();
    expect(breadcrumbs).toEqual([
      expect.objectContaining({
        category: 'expected_error',
        data: { kind: 'session_expired', rule: 'invalid-token' },
      }),
      expect.objectContaining({ level: 'warning', data: { 'expected_error.kind': 'decided_in_renderer' } }),
    ]);
  });

  it('does not decide again a breadcrumb decided when it was recorded', async () => {
    init();
    Sentry.addBreadcrumb({ category: 'ui', message: 'checkout: recorded through beforeBreadcrumb' });
    addPastBeforeBreadcrumb({ category: 'ui', message: 'checkout: stored past beforeBreadcrumb' });
    const integration = Sentry.getClient()?.getIntegrationByName<ExpectedErrorsIntegration>('ExpectedErrors');
    expect(
      integration?.setRules([...rules, { kind: 'checkout', action: 'drop', any: ['checkout'] }]),
    ).toMatchObject({
      ok: true,
    });
    Sentry.captureException(new Error('a real bug'));
    expect((await sentBreadcrumbs()).map((breadcrumb) => breadcrumb.message)).toEqual([
      'checkout: recorded through beforeBreadcrumb',
    ]);
  });

  it('leaves the breadcrumbs in the scope unchanged (they are shared by every event)', async () => {
    init();
    addPastBeforeBreadcrumb({ category: 'ui', level: 'error', message: 'API error (401): Invalid token' });
    Sentry.captureException(new Error('first'));
    await sentBreadcrumbs();
    const [stored] = Sentry.getCurrentScope().getScopeData().breadcrumbs;
    expect(stored).toMatchObject({ level: 'error', message: 'API error (401): Invalid token' });
    expect(stored?.data).toBeUndefined();
  });

  it("annotates only, in mode: 'dry-run'", async () => {
    init({ rules, mode: 'dry-run' });
    addPastBeforeBreadcrumb(
      { category: 'fetch', data: { url: 'https://x.test/analytics/track' } },
      { category: 'ui', level: 'error', message: 'API error (401): Invalid token' },
    );
    Sentry.captureException(new Error('a real bug'));
    const breadcrumbs = await sentBreadcrumbs();
    expect(breadcrumbs).toHaveLength(2);
    expect(breadcrumbs[0]?.data).toEqual({
      url: 'https://x.test/analytics/track',
      'expected_error.kind': 'analytics',
      'expected_error.action': 'drop',
      'expected_error.rule': 'analytics',
    });
    expect(breadcrumbs[1]).toMatchObject({ level: 'error', data: { 'expected_error.action': 'breadcrumb' } });
  });

  it("leaves them alone with breadcrumbs: 'ignore'", async () => {
    init({ rules, breadcrumbs: 'ignore' });
    addPastBeforeBreadcrumb({ category: 'fetch', data: { url: 'https://x.test/analytics/track' } });
    Sentry.captureException(new Error('a real bug'));
    expect(await sentBreadcrumbs()).toHaveLength(1);
  });

  it('returns the very same event, breadcrumbs and all, when no breadcrumb is claimed', () => {
    init();
    const client = Sentry.getClient() as Sentry.NodeClient;
    const integration = client.getIntegrationByName('ExpectedErrors');
    const breadcrumbs: Sentry.Breadcrumb[] = [
      { message: 'ordinary step' },
      { message: 'OpenAI API error (401): invalid_api_key' },
    ];
    const event: Sentry.Event = { message: 'a real bug', breadcrumbs };
    expect(integration?.processEvent?.(event, {}, client)).toBe(event);
    expect(event.breadcrumbs).toBe(breadcrumbs);

    const claimed: Sentry.Breadcrumb = { message: 'GET https://x.test/analytics/ping' };
    const withClaimed: Sentry.Event = { message: 'a real bug', breadcrumbs: [claimed, { message: 'kept' }] };
    const original = withClaimed.breadcrumbs;
    expect(integration?.processEvent?.(withClaimed, {}, client)).toBe(withClaimed);
    expect(withClaimed.breadcrumbs).toEqual([{ message: 'kept' }]);
    expect(original).toEqual([claimed, { message: 'kept' }]);
  });
});
