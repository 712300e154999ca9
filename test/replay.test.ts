import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Breadcrumb, Event } from '@sentry/core';
import { parseEnvelope } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rules } from '../examples/recorded/rules.mjs';
import { type ExpectedErrorsOptions, expectedErrorsIntegration, patternSafety } from '../src/index.js';
import { type Capture, captureTransport } from './helpers/capture-transport.js';
import {
  CORPUS_SECRETS,
  EXPECTATIONS_FILE,
  RECORDED_DIR,
  type RecordedExpectation,
} from './helpers/recorded-corpus.js';

/** A recorded event and what the example pack must do with it. */
interface Recorded {
  readonly expectation: RecordedExpectation;
  readonly event: Event;
  readonly eventId: string;
}

/** What one replay through the real SDK left behind. */
interface Replay {
  readonly capture: Capture;
  /** Recorded event id → id of the probe message captured right after it was processed. */
  readonly probeIds: ReadonlyMap<string, string>;
}

const DSN = 'http://public@127.0.0.1:9/1';
const FLUSH_TIMEOUT_MS = 2_000;
const FIXTURE_FILE = /^\d{3}-[a-z0-9-]+\.json$/;
const DEMOTED_CATEGORY = 'expected_error';

function loadCorpus(): Recorded[] {
  const expectations = JSON.parse(
    readFileSync(join(RECORDED_DIR, EXPECTATIONS_FILE), 'utf8'),
  ) as RecordedExpectation[];
  return expectations.map((expectation) => {
    const event = JSON.parse(readFileSync(join(RECORDED_DIR, expectation.file), 'utf8')) as Event;
    if (typeof event.event_id !== 'string') throw new Error(`${expectation.file} has no event_id`);
    return { expectation, event, eventId: event.event_id };
  });
}

const corpus = loadCorpus();

async function flushTwice(): Promise<void> {
  // Node sends client reports at the start of flush(); drops still in flight go out with the next one.
  await Sentry.flush(FLUSH_TIMEOUT_MS);
  await Sentry.flush(FLUSH_TIMEOUT_MS);
}

async function resetSentry(): Promise<void> {
  await Sentry.close(FLUSH_TIMEOUT_MS);
  for (const scope of [Sentry.getIsolationScope(), Sentry.getCurrentScope(), Sentry.getGlobalScope()]) {
    scope.clearBreadcrumbs();
    scope.setTags({});
  }
}

/**
 * Feeds every recorded event to a real `@sentry/node` client with the example pack installed. Each event
 * gets its own isolation scope and is followed, once processed, by a unique probe message: the probe
 * carries the breadcrumb of a demoted event, and keeps Dedupe from ever seeing two recorded events in a row.
 */
async function replay(
  events: readonly Recorded[],
  mode: NonNullable<ExpectedErrorsOptions['mode']>,
): Promise<Replay> {
  const capture = captureTransport();
  Sentry.init({
    dsn: DSN,
    release: 'replay@1.0.0',
    transport: capture.transport,
    integrations: [expectedErrorsIntegration({ rules, mode, patterns: patternSafety })],
    sendClientReports: true,
  });
  const probeIds = new Map<string, string>();
  for (const [index, recorded] of events.entries()) {
    await Sentry.withIsolationScope(async () => {
      Sentry.captureEvent(structuredClone(recorded.event));
      await Sentry.flush(FLUSH_TIMEOUT_MS);
      probeIds.set(recorded.eventId, Sentry.captureMessage(`replay probe #${index + 1}`, 'info'));
    });
  }
  await flushTwice();
  await resetSentry();
  return { capture, probeIds };
}

function sentEvent(capture: Capture, eventId: string | undefined): Event | undefined {
  return capture.events().find((event) => event.event_id === eventId);
}

function demotionBreadcrumbs(event: Event | undefined): Breadcrumb[] {
  return (event?.breadcrumbs ?? []).filter((breadcrumb) => breadcrumb.category === DEMOTED_CATEGORY);
}

function count(outcome: RecordedExpectation['outcome']): number {
  return corpus.filter(({ expectation }) => expectation.outcome === outcome).length;
}

function describeExpectation({ file, outcome, kind, rule }: RecordedExpectation): string {
  const decidedBy = kind === undefined ? '' : ` as ${kind} (${rule})`;
  if (outcome === 'pass') return `sends ${file}${decidedBy}`;
  if (outcome === 'drop') return `drops ${file}${decidedBy}`;
  return `demotes ${file} to a breadcrumb${decidedBy}`;
}

afterEach(async () => {
  vi.unstubAllEnvs();
  await resetSentry();
});

describe('recorded events replay', () => {
  it('lists every recorded fixture in expected.json, each once', () => {
    const fixtures = readdirSync(RECORDED_DIR).filter((file) => file !== EXPECTATIONS_FILE);
    const listed = corpus.map(({ expectation }) => expectation.file);
    expect(fixtures.filter((file) => !FIXTURE_FILE.test(file))).toEqual([]);
    expect([...listed].sort()).toEqual([...fixtures].sort());
    expect(new Set(corpus.map(({ eventId }) => eventId)).size).toBe(corpus.length);
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    for (const outcome of ['pass', 'drop', 'breadcrumb'] as const) expect(count(outcome)).toBeGreaterThan(0);
  });

  describe('in enforce mode', () => {
    let result: Replay;
    beforeAll(async () => {
      result = await replay(corpus, 'enforce');
    });

    it.each(corpus.map((recorded) => ({ ...recorded, title: describeExpectation(recorded.expectation) })))(
      '$title',
      ({ expectation, event, eventId }) => {
        const sent = sentEvent(result.capture, eventId);
        const probe = sentEvent(result.capture, result.probeIds.get(eventId));
        expect(probe, 'the probe message after it is sent').toBeDefined();
        const breadcrumbs = demotionBreadcrumbs(probe);

        if (expectation.outcome === 'pass') {
          expect(sent, 'sent').toBeDefined();
          // Untouched: what the app recorded is what reaches Sentry.
          expect(sent?.exception).toEqual(event.exception);
          expect(sent?.message).toEqual(event.message);
          expect(sent?.logentry).toEqual(event.logentry);
          expect(sent?.tags).toEqual(event.tags);
          expect(breadcrumbs).toEqual([]);
          return;
        }
        expect(sent, 'not sent').toBeUndefined();
        if (expectation.outcome === 'drop') {
          expect(breadcrumbs).toEqual([]);
          return;
        }
        expect(breadcrumbs).toHaveLength(1);
        expect(breadcrumbs[0]).toMatchObject({
          level: 'info',
          data: { kind: expectation.kind, rule: expectation.rule },
        });
        expect(breadcrumbs[0]?.message).toMatch(new RegExp(`^${expectation.kind}: `));
        for (const secret of CORPUS_SECRETS) expect(breadcrumbs[0]?.message).not.toContain(secret);
      },
    );

    it('counts exactly the dropped and demoted events as event_processor client reports', () => {
      const discarded = result.capture.discarded().filter((entry) => entry.category === 'error');
      expect(result.capture.discardedCount('event_processor')).toBe(count('drop') + count('breadcrumb'));
      // Nothing else went missing on the way (Dedupe, sampling, beforeSend…).
      expect(discarded.filter((entry) => entry.reason !== 'event_processor')).toEqual([]);
      expect(result.capture.events()).toHaveLength(count('pass') + corpus.length);
    });

    it('redacts the credentials in the messages of demoted events', () => {
      const withSecrets = corpus.filter(({ event }) =>
        CORPUS_SECRETS.some((secret) =>
          JSON.stringify([event.message, event.logentry, event.exception]).includes(secret),
        ),
      );
      expect(withSecrets.map(({ expectation }) => expectation.outcome)).toEqual(
        CORPUS_SECRETS.map(() => 'breadcrumb'),
      );
      for (const { eventId } of withSecrets) {
        const [breadcrumb] = demotionBreadcrumbs(sentEvent(result.capture, result.probeIds.get(eventId)));
        expect(breadcrumb?.message).toContain('[redacted');
      }
      const everyBreadcrumb = JSON.stringify(result.capture.events().map((event) => event.breadcrumbs));
      for (const secret of CORPUS_SECRETS) expect(everyBreadcrumb).not.toContain(secret);
    });
  });

  describe('in dry-run mode', () => {
    let result: Replay;
    beforeAll(async () => {
      result = await replay(corpus, 'dry-run');
    });

    it('sends every recorded event, tagging the classified ones with kind, action and rule', () => {
      const tagsOf = (event: Event | undefined) =>
        Object.fromEntries(
          Object.entries(event?.tags ?? {}).filter(([name]) => name.startsWith('expected_error.')),
        );
      const actual = corpus.map(({ expectation, eventId }) => ({
        file: expectation.file,
        sent: sentEvent(result.capture, eventId) !== undefined,
        tags: tagsOf(sentEvent(result.capture, eventId)),
      }));
      const expected = corpus.map(({ expectation: { file, outcome, kind, rule } }) => ({
        file,
        sent: true,
        tags:
          kind === undefined
            ? {}
            : {
                'expected_error.kind': kind,
                'expected_error.action': outcome === 'pass' ? 'report' : outcome,
                'expected_error.rule': rule,
              },
      }));
      expect(actual).toEqual(expected);
    });

    it('drops nothing and leaves no demotion breadcrumb', () => {
      expect(result.capture.discarded().filter((entry) => entry.category === 'error')).toEqual([]);
      expect(result.capture.events().flatMap(demotionBreadcrumbs)).toEqual([]);
    });
  });

  it('sends real envelopes through the default Node transport to a loopback server', async () => {
    const server = await startLoopbackServer();
    vi.stubEnv('no_proxy', '127.0.0.1,localhost');
    try {
      const picked = (['pass', 'drop', 'breadcrumb'] as const).flatMap((outcome) =>
        corpus.filter(({ expectation }) => expectation.outcome === outcome).slice(0, 2),
      );
      Sentry.init({
        dsn: `http://public@127.0.0.1:${server.port}/1`,
        release: 'replay@1.0.0',
        integrations: [expectedErrorsIntegration({ rules, patterns: patternSafety })],
        sendClientReports: true,
      });
      for (const recorded of picked) {
        Sentry.captureEvent(structuredClone(recorded.event));
        await Sentry.flush(FLUSH_TIMEOUT_MS);
      }
      // Over 32 KiB, so the transport gzips it.
      const probeId = Sentry.captureMessage('loopback probe', { extra: { padding: 'x'.repeat(40_000) } });
      await flushTwice();

      const events = server.payloads('event') as Event[];
      const sentIds = events.map((event) => event.event_id);
      for (const { expectation, eventId } of picked) {
        expect(sentIds.includes(eventId), expectation.file).toBe(expectation.outcome === 'pass');
      }
      const probe = events.find((event) => event.event_id === probeId);
      expect(demotionBreadcrumbs(probe).map((breadcrumb) => breadcrumb.data?.rule)).toEqual(
        picked
          .filter(({ expectation }) => expectation.outcome === 'breadcrumb')
          .map(({ expectation }) => expectation.rule),
      );
      const discarded = (server.payloads('client_report') as ClientReport[])
        .flatMap((report) => report.discarded_events)
        .filter((entry) => entry.reason === 'event_processor' && entry.category === 'error')
        .reduce((total, entry) => total + entry.quantity, 0);
      expect(discarded).toBe(4);
      expect(server.requests.some(({ gzipped }) => gzipped)).toBe(true);
      for (const { url } of server.requests)
        expect(url).toMatch(/^\/api\/1\/envelope\/\?.*sentry_key=public/);
    } finally {
      await Sentry.close(FLUSH_TIMEOUT_MS);
      await server.close();
    }
  });
});

interface ClientReport {
  readonly discarded_events: readonly { reason: string; category: string; quantity: number }[];
}

/** A plain `node:http` server standing in for Sentry's envelope endpoint. */
interface LoopbackServer {
  readonly port: number;
  readonly requests: readonly { readonly url: string; readonly gzipped: boolean }[];
  /** Payloads of every received envelope item of a type. */
  payloads(type: string): unknown[];
  close(): Promise<void>;
}

async function startLoopbackServer(): Promise<LoopbackServer> {
  const requests: { url: string; gzipped: boolean }[] = [];
  const items: { type: string; payload: unknown }[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      requests.push({ url: request.url ?? '', gzipped: request.headers['content-encoding'] === 'gzip' });
      const [, envelopeItems] = parseEnvelope(body);
      for (const [header, payload] of envelopeItems) items.push({ type: header.type, payload });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    payloads: (type) => items.filter((item) => item.type === type).map((item) => item.payload),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The raw body of a request, gunzipped when the transport compressed it. */
async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
}
