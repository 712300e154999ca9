import type { Event } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClassifier,
  expectedErrorsIntegration,
  type Rule,
  RuleConfigError,
  recommendedRules,
} from '../../src/index.js';
import { captureTransport } from '../helpers/capture-transport.js';
import { type LibraryRecord, loadLibraryCorpus, rebuildError } from '../helpers/library-corpus.js';

const DSN = 'http://public@127.0.0.1:9/1';
const corpus = loadLibraryCorpus();
/** The recorded 5xx of the generic clients, all answered by the recorder's loopback server on 127.0.0.1. */
const SERVER_ERRORS = corpus.filter(({ expectation }) =>
  /^\d+-(?:axios|got|ky|superagent|undici)-status-50[023]\.json$/.test(expectation.file),
);

/** What the real SDK did with each event: `demoted <rule>` or `sent`. */
async function decisions(
  thirdPartyHosts: readonly string[],
  events: readonly { readonly event: Event; readonly hint?: Sentry.EventHint }[],
): Promise<string[]> {
  const capture = captureTransport();
  Sentry.init({
    dsn: DSN,
    transport: capture.transport,
    integrations: (defaults) => [
      ...defaults.filter((integration) => integration.name !== 'Dedupe'),
      expectedErrorsIntegration({ rules: recommendedRules({ runsOn: 'server', thirdPartyHosts }) }),
    ],
  });
  const probes: string[] = [];
  for (const { event, hint } of events) {
    await Sentry.withIsolationScope(async () => {
      Sentry.captureEvent(structuredClone(event), hint);
      await Sentry.flush(2_000);
      probes.push(Sentry.captureMessage('probe', 'info'));
    });
  }
  await Sentry.flush(2_000);
  await Sentry.close(2_000);
  const sent = capture.events();
  return events.map(({ event }, index) => {
    if (sent.some((other) => other.event_id === event.event_id)) return 'sent';
    const probe = sent.find((other) => other.event_id === probes[index]);
    const crumb = probe?.breadcrumbs?.find((breadcrumb) => breadcrumb.category === 'expected_error');
    return `demoted ${crumb?.data?.rule}`;
  });
}

const live = (record: LibraryRecord) => ({
  event: record.event,
  hint: { originalException: rebuildError(record.error) },
});
const replay = (record: LibraryRecord) => ({ event: record.event });
const names = (records: readonly LibraryRecord[]) => records.map(({ expectation }) => expectation.file);

/** The recorded axios 5xx (its live error keeps `config.url`). */
function axiosRecord(): LibraryRecord {
  const record = SERVER_ERRORS.find(({ expectation }) => expectation.file.includes('-axios-'));
  if (record === undefined) throw new Error('no recorded axios 5xx');
  return record;
}

afterEach(async () => {
  await Sentry.close(2_000);
});

describe('thirdPartyHosts on the recorded 5xx of generic clients (real @sentry/node)', () => {
  it('holds the 13 recorded server errors', () => {
    expect(SERVER_ERRORS.length).toBe(13);
  });

  it('demotes live the errors whose request went to a listed host: axios config.url, got options.url, ky request.url', async () => {
    const result = await decisions(['127.0.0.1'], SERVER_ERRORS.map(live));
    const byFile = Object.fromEntries(names(SERVER_ERRORS).map((file, index) => [file, result[index]]));
    for (const [file, decision] of Object.entries(byFile)) {
      // undici's ResponseStatusCodeError and superagent's error keep no URL: nothing names the host.
      const expected = /-(?:axios|got|ky)-/.test(file) ? 'demoted http-client-third-party-transient' : 'sent';
      expect(decision, file).toBe(expected);
    }
  });

  it('demotes on replay only where the message names the URL (got and ky print `GET <url>`)', async () => {
    const result = await decisions(['127.0.0.1'], SERVER_ERRORS.map(replay));
    names(SERVER_ERRORS).forEach((file, index) => {
      const expected = /-(?:got|ky)-/.test(file) ? 'demoted http-client-third-party-transient' : 'sent';
      expect(result[index], file).toBe(expected);
    });
  });

  it('sends every one, live and on replay, when no listed host matches', async () => {
    const events = [...SERVER_ERRORS.map(live), ...SERVER_ERRORS.map(replay)];
    const result = await decisions(['*.openai.com', 'api.stripe.com', '127.0.0.2'], events);
    expect(result).toEqual(events.map(() => 'sent'));
  });

  it('reads axios’s relative config.url against its baseURL', async () => {
    const record = axiosRecord();
    const event = record.event;
    // A new error each time: the integration decides one error object once, however often it is captured.
    const relative = () => {
      const error = rebuildError(record.error) as { config: Record<string, unknown> };
      error.config = { ...error.config, baseURL: 'https://api.stripe.com/v1/', url: '/charges' };
      return [{ event, hint: { originalException: error } }];
    };
    const demoted = ['demoted http-client-third-party-transient'];
    expect(await decisions(['api.stripe.com'], relative())).toEqual(demoted);
    expect(await decisions(['*.stripe.com'], relative())).toEqual(demoted);
    expect(await decisions(['stripe.com'], relative())).toEqual(['sent']);
  });

  it('sends the event, and throws nothing, when the URL fields throw or name no host', async () => {
    const record = axiosRecord();
    const event = record.event;
    const withConfig = (config: unknown) => {
      const error = rebuildError(record.error) as Record<string, unknown>;
      Object.defineProperty(error, 'config', { get: () => config, configurable: true });
      return { event, hint: { originalException: error } };
    };
    const throwing = rebuildError(record.error) as Record<string, unknown>;
    Object.defineProperty(throwing, 'config', {
      get: () => {
        throw new Error('config getter');
      },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const hostileUrl = {
      get href(): string {
        throw new Error('href getter');
      },
    };
    const result = await decisions(
      ['127.0.0.1'],
      [
        { event, hint: { originalException: throwing } },
        withConfig({ url: 'http://[not a host/v1' }),
        withConfig({ url: '/v1/relative-without-base' }),
        withConfig({ url: 'ftp://127.0.0.1/file' }),
        withConfig({ url: hostileUrl }),
        withConfig(revoked.proxy),
      ],
    );
    expect(result).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'sent']);
  });
});

describe('the rule condition upstream.host', () => {
  const rule = (host: unknown): Rule =>
    ({
      id: 'vendor-5xx',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      upstream: { retryable: true, host },
    }) as Rule;

  it.each([5, '', [], ['api.stripe.com', null], 'https://api.stripe.com', 'api.*.com', '*'])(
    'refuses %j, naming upstream.host',
    (host) => {
      expect(() => createClassifier({ rules: [rule(host) as never] })).toThrow(RuleConfigError);
      expect(() => createClassifier({ rules: [rule(host) as never] })).toThrow(/upstream\.host/);
    },
  );

  it('matches host globs case-insensitively, a wildcard only below its domain', () => {
    const classifier = createClassifier({ rules: [rule(['API.Stripe.com', '*.openai.com'])] });
    const decide = (host: string) =>
      classifier.classifyExample({ text: 'x', upstream: { type: 'server_error', retryable: true, host } })
        ?.rule;
    expect(decide('api.stripe.com')).toBe('vendor-5xx');
    expect(decide('eu.api.openai.com')).toBe('vendor-5xx');
    expect(decide('openai.com')).toBeUndefined();
    expect(decide('stripe.com')).toBeUndefined();
    expect(decide('api.stripe.com.evil.io')).toBeUndefined();
    expect(
      classifier.classifyExample({ text: 'x', upstream: { type: 'server_error', retryable: true } }),
    ).toBeUndefined();
  });

  it('refuses an example whose upstream host is a glob or no host name', () => {
    for (const host of ['*.openai.com', 'https://api.openai.com', 7]) {
      expect(() =>
        createClassifier({
          rules: [
            {
              ...rule('api.openai.com'),
              examples: {
                match: [{ text: 'x', upstream: { type: 'server_error', retryable: true, host } as never }],
              },
            },
          ],
        }),
      ).toThrow(/examples\.match\[0\]\.upstream/);
    }
  });
});
