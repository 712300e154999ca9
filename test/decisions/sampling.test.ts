import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExpectedErrorsOptions, expectedErrorsIntegration, type Rule } from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';
import { seededRandom as seeded } from '../helpers/seeded-random.js';

const rules: Rule[] = [
  { id: 'rate-limit', kind: 'rate_limited', action: 'drop', any: ['429 Too Many Requests'], sample: 0.25 },
  { id: 'jwt-expired', kind: 'session_expired', action: 'breadcrumb', any: ['jwt expired'], sample: 0.5 },
  { id: 'never', kind: 'gone', action: 'drop', any: ['message not found'], sample: 0 },
  { id: 'always', kind: 'noise', action: 'drop', any: ['analytics beacon'], sample: 1 },
];

let capture: Capture;
function init(options: ExpectedErrorsOptions) {
  capture = captureTransport();
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: capture.transport,
    transportOptions: { bufferSize: 5_000 },
    integrations: [expectedErrorsIntegration({ rules, surge: false, ...options })],
    sendClientReports: true,
  });
  return Sentry.getClient()?.getIntegrationByName('ExpectedErrors') as ReturnType<
    typeof expectedErrorsIntegration
  >;
}
async function settle(): Promise<void> {
  await Sentry.flush(5_000);
  await Sentry.flush(5_000);
}
const textOf = (event: Sentry.Event) => event.exception?.values?.at(-1)?.value;

afterEach(async () => {
  await Sentry.close();
  Sentry.getIsolationScope().clearBreadcrumbs();
});

describe('rule sample', () => {
  it('sends that fraction of a rule’s matches anyway, tagged, and drops the rest', async () => {
    const integration = init({ random: seeded(42) });
    for (let index = 0; index < 400; index++)
      Sentry.captureException(new Error(`OpenAI API error (429 Too Many Requests) #${index}`));
    await settle();
    // The same draws: as many fall below the rate as events were sent (events are processed, and draw,
    // in whatever order their processing completes).
    const draws = seeded(42);
    const expected = Array.from({ length: 400 }, () => draws()).filter((draw) => draw < 0.25);
    const sent = capture.events();
    expect(sent).toHaveLength(expected.length);
    expect(new Set(sent.map(textOf)).size).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(70);
    expect(expected.length).toBeLessThan(130);
    for (const event of sent) {
      expect(event.tags).toEqual({
        'expected_error.kind': 'rate_limited',
        'expected_error.rule': 'rate-limit',
        'expected_error.sampled': 'true',
        'expected_error.sample_rate': '0.25',
      });
    }
    expect(capture.discardedCount('event_processor')).toBe(400 - expected.length);
    expect(integration.getStats().kinds.rate_limited).toEqual({
      drop: 400 - expected.length,
      breadcrumb: 0,
      sampled: expected.length,
      surges: 0,
      rules: { 'rate-limit': 400 },
    });
  });

  it('sends a sampled demotion as it is, without leaving its breadcrumb', async () => {
    const draws = [0.9, 0.1];
    init({ random: () => draws.shift() ?? 0.9 });
    Sentry.captureException(new Error('verify session #1 failed: jwt expired'));
    Sentry.captureException(new Error('verify session #2 failed: jwt expired'));
    await Sentry.flush(2_000);
    Sentry.captureException(new Error('a real bug'));
    await settle();
    // One of the two drew 0.1 (processing order decides which): sent, tagged, no breadcrumb of its own.
    const [sampled, bug] = capture.events();
    expect(bug && textOf(bug)).toBe('a real bug');
    expect(sampled?.tags?.['expected_error.sampled']).toBe('true');
    const sampledText = sampled && textOf(sampled);
    const demotedText = [
      'verify session #1 failed: jwt expired',
      'verify session #2 failed: jwt expired',
    ].find((text) => text !== sampledText);
    expect(demotedText).toBeDefined();
    const trail = bug?.breadcrumbs
      ?.filter((breadcrumb) => breadcrumb.category === 'expected_error')
      .map((breadcrumb) => breadcrumb.message);
    expect(trail).toEqual([`session_expired: Error: ${demotedText}`]);
  });

  it('never samples at 0 and always at 1, whatever the draw', async () => {
    init({ random: () => 0 });
    Sentry.captureException(new Error('message not found: 1103'));
    Sentry.captureException(new Error('analytics beacon failed'));
    await settle();
    expect(capture.events().map(textOf)).toEqual(['analytics beacon failed']);
  });

  it('tags a sampled event in dry-run too, next to what the rule would do', async () => {
    const decisions: string[] = [];
    init({ mode: 'dry-run', random: () => 0, onDecision: ({ action }) => decisions.push(action) });
    Sentry.captureException(new Error('OpenAI API error (429 Too Many Requests)'));
    await settle();
    expect(capture.events()[0]?.tags).toEqual({
      'expected_error.kind': 'rate_limited',
      'expected_error.action': 'drop',
      'expected_error.rule': 'rate-limit',
      'expected_error.sampled': 'true',
      'expected_error.sample_rate': '0.25',
    });
    expect(decisions).toEqual(['sampled']);
  });

  it('refuses a random that is not a function', () => {
    expect(() => expectedErrorsIntegration({ random: 0.5 } as unknown as ExpectedErrorsOptions)).toThrowError(
      /^expectedErrorsIntegration: `random` must be a function \(got 0.5\)$/,
    );
  });
});
