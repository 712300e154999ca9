import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Sentry from '@sentry/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { framePackages, packageOfPath } from '../../src/event/frame-packages.js';
import { checkRules, createClassifier, expectedErrorsIntegration, RuleConfigError } from '../../src/index.js';
import { captureTransport } from '../helpers/capture-transport.js';

/** An event whose one exception has `value` and a frame per file name. */
const eventWithFrames = (value: string, ...filenames: unknown[]) => ({
  exception: {
    values: [{ type: 'Error', value, stacktrace: { frames: filenames.map((filename) => ({ filename })) } }],
  },
});

describe('packageOfPath', () => {
  it.each([
    ['/srv/app/node_modules/axios/lib/core/AxiosError.js', 'axios'],
    ['/srv/app/node_modules/@octokit/request/dist-node/index.js', '@octokit/request'],
    ['/srv/app/node_modules/.pnpm/axios@1.7.9/node_modules/axios/lib/adapters/http.js', 'axios'],
    ['C:\\app\\node_modules\\superagent\\lib\\node\\index.js', 'superagent'],
    ['app:///node_modules/gaxios/build/src/gaxios.js', 'gaxios'],
    ['/Applications/App.app/Contents/Resources/app.asar/node_modules/ws/lib/websocket.js', 'ws'],
  ])('%s → %s', (path, name) => {
    expect(packageOfPath(path)).toBe(name);
  });

  it.each([
    '/srv/app/src/routes/items.ts',
    '/srv/app/node_modules/.bin/tsx',
    '/srv/app/node_modules/axios',
    '/srv/app/node_modules/@octokit/request',
    '/srv/app/my_node_modules/axios/index.js',
    'node_modules/axios/index.js',
    'https://app.example.com/assets/index-4f3a.js',
    'node:internal/process/task_queues',
  ])('%s → none', (path) => {
    expect(packageOfPath(path)).toBeUndefined();
  });
});

describe('framePackages', () => {
  it('reads every exception of the chain, each package once, in the order met', () => {
    const event = {
      exception: {
        values: [
          { type: 'Error', stacktrace: { frames: [{ filename: 'node:net' }] } },
          {
            type: 'Error',
            stacktrace: {
              frames: [
                { filename: '/app/node_modules/axios/lib/core/Axios.js' },
                { filename: '/app/node_modules/follow-redirects/index.js' },
                { abs_path: '/app/node_modules/axios/lib/core/AxiosError.js' },
              ],
            },
          },
        ],
      },
    };
    expect(framePackages(event)).toEqual(['axios', 'follow-redirects']);
  });

  it('reads nothing from a broken event, and never throws', () => {
    const hostile = {
      exception: {
        values: [
          {
            get stacktrace(): never {
              throw new Error('getter');
            },
          },
          { stacktrace: { frames: 'not a list' } },
          { stacktrace: { frames: [null, 7, { filename: 42 }] } },
        ],
      },
    };
    expect(framePackages(hostile)).toEqual([]);
    expect(framePackages(null)).toEqual([]);
    expect(framePackages({ exception: { values: 'x' } })).toEqual([]);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(framePackages({ exception: revoked.proxy })).toEqual([]);
  });
});

describe('the rule condition thrownBy', () => {
  const rule = {
    id: 'client-refused',
    kind: 'connection_refused',
    action: 'breadcrumb',
    thrownBy: ['axios', '@octokit/request'],
    any: ['Error: connect ECONNREFUSED '],
  } as const;

  it('holds when a frame of the chain runs in one of the packages, with the other conditions', () => {
    const classifier = createClassifier({ rules: [rule] });
    const refused = 'connect ECONNREFUSED 10.0.0.5:443';
    const axios = '/app/node_modules/axios/lib/core/AxiosError.js';
    expect(classifier.classify(eventWithFrames(refused, axios))?.rule).toBe('client-refused');
    expect(
      classifier.classify(eventWithFrames(refused, '/app/node_modules/pg/lib/client.js')),
    ).toBeUndefined();
    expect(classifier.classify(eventWithFrames(refused, '/app/src/db.ts'))).toBeUndefined();
    expect(classifier.classify(eventWithFrames('boom', axios))).toBeUndefined();
  });

  it('is refused when it names no npm package, with the rule and the field', () => {
    for (const thrownBy of ['Axios', '', [], ['axios', 7], '../axios', 'a b']) {
      expect(() => createClassifier({ rules: [{ ...rule, thrownBy } as never] })).toThrow(RuleConfigError);
    }
    expect(() => createClassifier({ rules: [{ ...rule, thrownBy: 'Axios' }] })).toThrow(/thrownBy/);
    expect(() =>
      createClassifier({ rules: [{ id: 'only', kind: 'k', action: 'drop', thrownBy: 'axios' }] }),
    ).not.toThrow();
  });

  it('is read by checkRules from examples that name the package', () => {
    const report = checkRules([
      {
        ...rule,
        examples: {
          match: [{ text: 'Error: connect ECONNREFUSED 10.0.0.5:443', thrownBy: 'axios' }],
          noMatch: [{ text: 'Error: connect ECONNREFUSED 10.0.0.5:5432', thrownBy: 'pg' }],
        },
      },
    ]);
    expect(report.problems).toEqual([]);
    const wrong = checkRules([
      {
        ...rule,
        examples: { match: [{ text: 'Error: connect ECONNREFUSED 10.0.0.5:443', thrownBy: 'pg' }] },
      },
    ]);
    expect(wrong.problems.map((problem) => problem.rule)).toEqual(['client-refused']);
  });
});

describe('thrownBy in a real @sentry/node app', () => {
  // A package of its own under node_modules/, loaded by Node: its frames are what the SDK records.
  const root = mkdtempSync(join(tmpdir(), 'thrown-by-'));
  const packageDir = join(root, 'node_modules', 'fake-http-client');
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(
    join(packageDir, 'package.json'),
    JSON.stringify({ name: 'fake-http-client', main: 'index.js' }),
  );
  writeFileSync(
    join(packageDir, 'index.js'),
    "exports.get = function get() { throw new Error('connect ECONNREFUSED 10.0.0.5:443'); };\n",
  );
  const client = createRequire(join(root, 'app.js'))('fake-http-client') as { get: () => never };
  const thrown = (action: () => unknown): unknown => {
    try {
      action();
    } catch (error) {
      return error;
    }
    throw new Error('nothing thrown');
  };

  afterEach(async () => {
    await Sentry.close(2_000);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('demotes the package’s error and sends the same words thrown by the app', async () => {
    const capture = captureTransport();
    Sentry.init({
      dsn: 'http://public@127.0.0.1:9/1',
      transport: capture.transport,
      integrations: [
        expectedErrorsIntegration({
          rules: [
            {
              id: 'fake-client-refused',
              kind: 'connection_refused',
              action: 'breadcrumb',
              thrownBy: 'fake-http-client',
              any: ['Error: connect ECONNREFUSED '],
            },
          ],
        }),
      ],
    });
    Sentry.captureException(thrown(() => client.get()));
    await Sentry.flush(2_000);
    Sentry.captureException(new Error('connect ECONNREFUSED 10.0.0.5:5432'));
    await Sentry.flush(2_000);
    await Sentry.flush(2_000);
    const events = capture.events();
    expect(events.map((event) => event.exception?.values?.at(-1)?.value)).toEqual([
      'connect ECONNREFUSED 10.0.0.5:5432',
    ]);
    expect(
      events[0]?.breadcrumbs
        ?.filter((crumb) => crumb.category === 'expected_error')
        .map((crumb) => crumb.data?.rule),
    ).toEqual(['fake-client-refused']);
  });
});
