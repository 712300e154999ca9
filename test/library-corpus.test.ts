import { readdirSync } from 'node:fs';
import type { Breadcrumb, Event } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ExpectedErrorsOptions, expectedErrorsIntegration, recommendedRules } from '../src/index.js';
import { type Capture, captureTransport } from './helpers/capture-transport.js';
import {
  idealFor,
  LIBRARY_ERRORS_DIR,
  LIBRARY_EVENTS_DIR,
  type LibraryDecision,
  type LibraryRecord,
  type LibraryRunsOn,
  loadLibraryCorpus,
  rebuildError,
  sameDecision,
} from './helpers/library-corpus.js';

/**
 * Where a recorded event alone (no `hint.originalException`) must be decided differently from the live
 * error, and why. Everything else must be decided the same both ways.
 *
 * | event | live | replay | why |
 * | --- | --- | --- | --- |
 * | stripe 500 `api_error` | breadcrumb `transient_upstream` | pass | Stripe keeps the 500 on the live error; "An unknown error occurred" alone is not retryable |
 * | gaxios 403 `dailyLimitExceeded` | pass, guard `quota_exhausted` | pass | the guard needs the live 403 and its body's reason (sent either way) |
 * | gaxios 403 `insufficientPermissions` | pass, guard `permission_denied` | pass | the same (sent either way) |
 *
 * superagent's bare reason phrases, gaxios's rate limits and backend errors, GitHub's 5xx and Discord's
 * 502 are decided on replay as live: their frames name the library (`thrownBy`).
 */
const REPLAY_DIFFERENCES: readonly { readonly file: string; readonly replay: LibraryDecision }[] = [
  { file: '168-stripe-api-error.json', replay: { outcome: 'pass' } },
  { file: '206-gaxios-daily-limit-exceeded.json', replay: { outcome: 'pass' } },
  { file: '207-gaxios-insufficient-permissions.json', replay: { outcome: 'pass' } },
];

const DSN = 'http://public@127.0.0.1:9/1';
const FLUSH_TIMEOUT_MS = 2_000;
const DEMOTED_CATEGORY = 'expected_error';

const corpus = loadLibraryCorpus();

type Source = 'live' | 'replay';

/** Each source on a server (Node's default) and on a device. */
const RUNS: readonly (readonly [Source, LibraryRunsOn])[] = [
  ['live', 'server'],
  ['replay', 'server'],
  ['live', 'device'],
  ['replay', 'device'],
];

/** What one run of the corpus through the real SDK left behind. */
interface Run {
  readonly capture: Capture;
  /** Recorded event id → id of the probe message captured right after it was processed. */
  readonly probeIds: ReadonlyMap<string, string>;
}

/**
 * The decision an event must get from this source where the app runs: the label (a server's), its
 * device label, or its replay override (which holds on both: replay differences are about identity).
 */
function expectedFor({ expectation }: LibraryRecord, source: Source, runsOn: LibraryRunsOn): LibraryDecision {
  if (source === 'replay' && expectation.replay !== undefined) return expectation.replay;
  return runsOn === 'device' && expectation.device !== undefined ? expectation.device : expectation;
}

function eventIdOf({ event }: LibraryRecord): string {
  if (typeof event.event_id !== 'string') throw new Error('a recorded event without event_id');
  return event.event_id;
}

/**
 * Feeds every recorded event to a real `@sentry/node` client with `recommendedRules()` installed, with
 * the rebuilt live error as `hint.originalException` (live) or alone (replay). Each event gets its own
 * isolation scope and is followed by a probe message that carries the breadcrumb of a demoted event.
 */
async function run(
  source: Source,
  mode: NonNullable<ExpectedErrorsOptions['mode']>,
  runsOn: LibraryRunsOn,
): Promise<Run> {
  const capture = captureTransport();
  Sentry.init({
    dsn: DSN,
    release: 'library-corpus@1.0.0',
    transport: capture.transport,
    // Dedupe would drop the second of two recorded errors with the same message and stack.
    integrations: (defaults) => [
      ...defaults.filter((integration) => integration.name !== 'Dedupe'),
      expectedErrorsIntegration({ rules: recommendedRules({ runsOn }), mode }),
    ],
    sendClientReports: true,
  });
  const probeIds = new Map<string, string>();
  for (const [index, record] of corpus.entries()) {
    await Sentry.withIsolationScope(async () => {
      const hint = source === 'live' ? { originalException: rebuildError(record.error) } : undefined;
      Sentry.captureEvent(structuredClone(record.event), hint);
      await Sentry.flush(FLUSH_TIMEOUT_MS);
      probeIds.set(eventIdOf(record), Sentry.captureMessage(`library probe #${index + 1}`, 'info'));
    });
  }
  await Sentry.flush(FLUSH_TIMEOUT_MS);
  await Sentry.flush(FLUSH_TIMEOUT_MS);
  await Sentry.close(FLUSH_TIMEOUT_MS);
  return { capture, probeIds };
}

function sentEvent(capture: Capture, eventId: string | undefined): Event | undefined {
  return capture.events().find((event) => event.event_id === eventId);
}

function demotionBreadcrumbs(event: Event | undefined): Breadcrumb[] {
  return (event?.breadcrumbs ?? []).filter((breadcrumb) => breadcrumb.category === DEMOTED_CATEGORY);
}

function title(record: LibraryRecord, source: Source, runsOn: LibraryRunsOn): string {
  const { expectation } = record;
  const { outcome, kind } = expectedFor(record, source, runsOn);
  const as = kind === undefined ? '' : ` as ${kind}`;
  const verb = outcome === 'pass' ? 'sends' : outcome === 'drop' ? 'drops' : 'demotes';
  return `${verb} ${expectation.file}${as}`;
}

afterEach(async () => {
  await Sentry.close(FLUSH_TIMEOUT_MS);
  for (const scope of [Sentry.getIsolationScope(), Sentry.getCurrentScope(), Sentry.getGlobalScope()]) {
    scope.clearBreadcrumbs();
  }
});

describe('the real-library corpus', () => {
  it('holds at least 150 labelled events from at least 15 libraries, each with its live error', () => {
    const files = corpus.map(({ expectation }) => expectation.file).sort();
    expect(readdirSync(LIBRARY_EVENTS_DIR).sort()).toEqual(files);
    expect(readdirSync(LIBRARY_ERRORS_DIR).sort()).toEqual(files);
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map(({ expectation }) => expectation.library)).size).toBeGreaterThanOrEqual(15);
    for (const outcome of ['pass', 'drop', 'breadcrumb'] as const) {
      expect(corpus.filter(({ expectation }) => expectation.outcome === outcome).length).toBeGreaterThan(5);
    }
  });

  it('lists every event whose replay must differ from its live decision in the table, and no other', () => {
    const annotated = corpus
      .filter(({ expectation }) => expectation.replay !== undefined)
      .map(({ expectation }) => ({
        file: expectation.file,
        replay: { outcome: expectation.replay?.outcome, kind: expectation.replay?.kind },
      }));
    expect(annotated).toEqual(
      REPLAY_DIFFERENCES.map(({ file, replay }) => ({
        file,
        replay: { outcome: replay.outcome, kind: replay.kind },
      })),
    );
    for (const { expectation } of corpus)
      if (expectation.replay) expect(expectation.replay.why.length).toBeGreaterThan(20);
  });

  it('labels a device apart only where the decision differs, with a reason', () => {
    for (const { expectation } of corpus) {
      if (expectation.device === undefined) continue;
      expect(expectation.device.why.length).toBeGreaterThan(20);
      expect([expectation.device.outcome, expectation.device.kind]).not.toEqual([
        expectation.outcome,
        expectation.kind,
      ]);
    }
    expect(corpus.some(({ expectation }) => expectation.device !== undefined)).toBe(true);
  });

  describe.each(RUNS)("%s, recommendedRules({ runsOn: '%s' }) in enforce mode", (source, runsOn) => {
    let result: Run;
    beforeAll(async () => {
      result = await run(source, 'enforce', runsOn);
    });

    it.each(corpus.map((record) => ({ record, name: title(record, source, runsOn) })))(
      '$name',
      ({ record }) => {
        const expected = expectedFor(record, source, runsOn);
        const eventId = eventIdOf(record);
        const sent = sentEvent(result.capture, eventId);
        const probe = sentEvent(result.capture, result.probeIds.get(eventId));
        expect(probe, 'the probe message after it').toBeDefined();
        const breadcrumbs = demotionBreadcrumbs(probe);
        if (expected.outcome === 'pass') {
          expect(sent, 'sent').toBeDefined();
          // Untouched; live, the SDK's LinkedErrors also adds the rebuilt error's cause chain from the hint.
          if (source === 'replay') expect(sent?.exception).toEqual(record.event.exception);
          else
            expect(sent?.exception?.values).toEqual(
              expect.arrayContaining(record.event.exception?.values ?? []),
            );
          expect(breadcrumbs).toEqual([]);
          return;
        }
        expect(sent, 'not sent').toBeUndefined();
        if (expected.outcome === 'drop') {
          expect(breadcrumbs).toEqual([]);
          return;
        }
        expect(breadcrumbs.map((breadcrumb) => breadcrumb.data?.kind)).toEqual([expected.kind]);
      },
    );

    it('decides ≥ 95 % of events as they ideally should be, and demotes or drops none that should be sent', () => {
      // Every label above is what the SDK did; here the labels are held to the right decision (a known
      // miss's `ideal`, else the live label where the app runs).
      const right = corpus.filter((record) =>
        sameDecision(expectedFor(record, source, runsOn), idealFor(record.expectation, runsOn)),
      );
      const falseDemotions = corpus
        .filter(
          (record) =>
            idealFor(record.expectation, runsOn).outcome === 'pass' &&
            expectedFor(record, source, runsOn).outcome !== 'pass',
        )
        .map(({ expectation }) => expectation.file);
      expect(falseDemotions).toEqual([]);
      expect(right.length / corpus.length).toBeGreaterThanOrEqual(0.95);
    });

    it('counts every dropped and demoted event as an event_processor client report, and nothing else', () => {
      const demoted = corpus.filter(
        (record) => expectedFor(record, source, runsOn).outcome !== 'pass',
      ).length;
      expect(result.capture.discardedCount('event_processor')).toBe(demoted);
    });
  });

  describe.each(RUNS)("%s, recommendedRules({ runsOn: '%s' }) in dry-run mode", (source, runsOn) => {
    let result: Run;
    beforeAll(async () => {
      result = await run(source, 'dry-run', runsOn);
    });

    it('tags every event with the kind and action of its label (report for a guard), and no other', () => {
      const tagsOf = (event: Event | undefined) =>
        Object.fromEntries(
          Object.entries(event?.tags ?? {}).filter(
            ([name]) => name === 'expected_error.kind' || name === 'expected_error.action',
          ),
        );
      const actual = corpus.map((record) => ({
        file: record.expectation.file,
        tags: tagsOf(sentEvent(result.capture, eventIdOf(record))),
      }));
      const expected = corpus.map((record) => {
        const { outcome, kind } = expectedFor(record, source, runsOn);
        return {
          file: record.expectation.file,
          tags:
            kind === undefined
              ? {}
              : {
                  'expected_error.kind': kind,
                  'expected_error.action': outcome === 'pass' ? 'report' : outcome,
                },
        };
      });
      expect(actual).toEqual(expected);
    });
  });
});
