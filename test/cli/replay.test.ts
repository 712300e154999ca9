import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE } from './run-cli.js';

let scratch: string;
/** Event ids of the sample corpus, read from the files (they change whenever it is recorded again). */
const ids = { forbidden: '', typedBackend401: '', byoKey: '', realBug: '' };
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sentry-expected-errors-replay-'));
  const eventIdOf = (json: string) => (JSON.parse(json) as { event_id: string }).event_id;
  const read = (name: string) => readFile(join(SAMPLE.corpus, 'events', name), 'utf8');
  ids.forbidden = eventIdOf(await read('backend-403.json'));
  ids.typedBackend401 = eventIdOf((await read('backend-burst.jsonl')).split('\n')[0] ?? '');
  ids.byoKey = eventIdOf(await read('byo-key-rejected.json'));
  ids.realBug = eventIdOf((await read('real-bug.envelope')).split('\n')[0] ?? '');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface JsonReport {
  events: Array<{
    index: number;
    file: string;
    entry: number;
    line?: number;
    eventId?: string;
    outcome: string;
    kind?: string;
    rule?: string;
    summary: string;
  }>;
  summary: {
    events: number;
    files: number;
    broken: number;
    skippedFiles: number;
    outcomes: Record<string, number>;
    noLongerPaging: number;
    noLongerPagingShare: number;
    kinds: Array<{ kind: string; events: number; noLongerPaging: number; share: number }>;
    rules: Array<Record<string, unknown>>;
  };
  mismatches?: Array<{ problem: string; message: string }>;
}

describe.concurrent('sentry-expected-errors replay', { timeout: 60_000 }, () => {
  it('prints a row per event of the sample corpus, grouped by file, then totals per outcome and kind', async () => {
    const result = await runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^\s+#\s+outcome\s+kind\s+rule\s+event\s+summary$/);
    expect(lines).toContain('events/backend-burst.jsonl');
    expect(lines).toContain('events/real-bug.envelope');
    const row = (rule: string) => lines.find((line) => line.includes(` ${rule} `));
    expect(row('backend-403-reports')).toMatch(
      new RegExp(
        `^\\s+0\\s+pass \\(guard\\)\\s+backend_permission_denied\\s+backend-403-reports\\s+${ids.forbidden.slice(0, 8)}\\s+BackendApiError: forbidden on GET /teams$`,
      ),
    );
    expect(row('channel-message-404')).toMatch(/\bdrop\s+message_not_found\b/);
    expect(row('backend-streaming-invalid-token')).toMatch(/\bbreadcrumb\s+session_expired\b/);
    expect(lines.find((line) => line.includes('TypeError'))).toMatch(
      new RegExp(`\\bpass\\s+-\\s+-\\s+${ids.realBug.slice(0, 8)}\\s+TypeError: Cannot read`),
    );
    expect(result.stdout).toContain('14 events in 7 files\n');
    expect(result.stdout).toMatch(/^ {2}pass\s+3\s+21\.4%$/m);
    expect(result.stdout).toMatch(/^ {2}drop\s+4\s+28\.6%$/m);
    expect(result.stdout).toMatch(/^ {2}breadcrumb\s+7\s+50\.0%$/m);
    expect(result.stdout).toContain('Would no longer page: 11 of 14 events (78.6%)');
    expect(result.stdout).toMatch(/^ {2}session_expired\s+6\s+6\s+42\.9%$/m);
    expect(result.stdout).toMatch(/^ {2}provider_key_rejected\s+1\s+0\s+0\.0%$/m);
    expect(result.stdout).toMatch(/^ {2}\(no rule\)\s+1\s+0\s+0\.0%$/m);
    expect(result.stdout).toMatch(/^ {2}rule\s+events\s+drop\s+breadcrumb\s+pass\s+share of volume$/m);
    expect(result.stdout).toMatch(/^ {2}channel-message-404\s+1\s+1\s+0\s+0\s+7\.1%$/m);
    expect(result.stdout).toMatch(/^ {2}openai-invalid-api-key\s+1\s+0\s+0\s+1\s+0\.0%$/m);
  });

  it('never reads the rules module or the expectations file next to the events as events', async () => {
    const result = await runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules, '--json');

    const report = JSON.parse(result.stdout) as JsonReport;
    expect(new Set(report.events.map((event) => event.file))).toEqual(
      new Set([
        'events/backend-403.json',
        'events/backend-burst.jsonl',
        'events/byo-key-rejected.json',
        'events/message-not-found.json',
        'events/real-bug.envelope',
        'events/session-expired-key-in-url.json',
        'events/session-expired.json',
      ]),
    );
    expect(report.summary).toMatchObject({ files: 7, skippedFiles: 0, broken: 0 });
  });

  it('prints { events, summary } as JSON with --json', async () => {
    const result = await runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules, '--json');

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.events).toHaveLength(14);
    expect(report.events.map((event) => event.index)).toEqual([...Array(14).keys()]);
    expect(report.events[1]).toEqual({
      index: 1,
      file: 'events/backend-burst.jsonl',
      entry: 0,
      line: 1,
      eventId: ids.typedBackend401,
      outcome: 'breadcrumb',
      kind: 'session_expired',
      rule: 'backend-401-typed',
      summary: 'BackendApiError: backend rejected session token on POST /openai/v1/audio/speech',
    });
    // A guard's claim passes, and says why.
    expect(report.events[0]).toMatchObject({ outcome: 'pass', reason: 'guard', rule: 'backend-403-reports' });
    expect(report.events[11]).toMatchObject({ file: 'events/real-bug.envelope', outcome: 'pass', line: 3 });
    expect(report.events[11]).not.toHaveProperty('reason');
    expect(report.events[11]).not.toHaveProperty('kind');
    expect(report.summary).toMatchObject({
      events: 14,
      outcomes: { pass: 3, drop: 4, breadcrumb: 7 },
      noLongerPaging: 11,
      noLongerPagingShare: 0.7857,
    });
    expect(report.summary.kinds[0]).toEqual({
      kind: 'session_expired',
      events: 6,
      drop: 0,
      breadcrumb: 6,
      pass: 0,
      noLongerPaging: 6,
      share: 0.4286,
    });
    expect(report.summary.rules).toHaveLength(13);
    expect(report.summary.rules).toContainEqual({
      rule: 'backend-401-typed',
      kind: 'session_expired',
      events: 1,
      drop: 0,
      breadcrumb: 1,
      pass: 0,
      noLongerPaging: 1,
      share: 0.0714,
    });
    expect(report).not.toHaveProperty('mismatches');
  });

  it('exits 0 when every event meets the expectations file', async () => {
    const result = await runCli(
      'replay',
      SAMPLE.corpus,
      '--rules',
      SAMPLE.rules,
      '--expect',
      SAMPLE.expectations,
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('All 14 events match examples/recorded/expected.json.');
  });

  it('exits 1 and lists each mismatch: another outcome, an unpinned event, an expectation matching nothing', async () => {
    const pinned = JSON.parse(await readFile(SAMPLE.expectations, 'utf8')) as {
      expectations: Array<Record<string, unknown>>;
    };
    const expectations = pinned.expectations.filter(
      (expectation) => expectation.file !== 'events/real-bug.envelope',
    );
    const byoKey = expectations.find((expectation) => expectation.file === 'events/byo-key-rejected.json');
    Object.assign(byoKey ?? {}, { outcome: 'drop', kind: 'provider_key_rejected' });
    expectations.push({ eventId: '0000000000000000000000000000dead', outcome: 'drop' });
    const path = join(scratch, 'mismatch.json');
    await writeFile(path, JSON.stringify({ version: 1, expectations }));

    const result = await runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules, '--expect', path);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`3 mismatches against ${path}:\n`);
    expect(result.stderr).toContain(
      `  events/byo-key-rejected.json #0 (event ${ids.byoKey.slice(0, 8)}): expected drop (provider_key_rejected, rule openai-invalid-api-key), got pass (provider_key_rejected, rule openai-invalid-api-key)\n`,
    );
    expect(result.stderr).toContain(
      `  events/real-bug.envelope #0 (event ${ids.realBug.slice(0, 8)}): no expectation covers it (got pass); regenerate the file with --write-expect\n`,
    );
    expect(result.stderr).toMatch(
      /expectation #13 \{"eventId":"0000000000000000000000000000dead"\} matches no replayed event/,
    );
  });

  it('pins a rule change that makes another rule decide an event, even with the same outcome', async () => {
    const rules = join(scratch, 'broader-first.mjs');
    // An earlier, broader rule claims the typed backend 401 before its own rule can.
    await writeFile(
      rules,
      `import { rules as pack } from '${join(process.cwd(), SAMPLE.rules)}';
export const rules = [{ id: 'any-401', kind: 'session_expired', action: 'breadcrumb', status: 401 }, ...pack];`,
    );

    const result = await runCli('replay', SAMPLE.corpus, '--rules', rules, '--expect', SAMPLE.expectations);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `events/backend-burst.jsonl #0 (event ${ids.typedBackend401.slice(0, 8)}): expected breadcrumb (session_expired, rule backend-401-typed), got breadcrumb (session_expired, rule any-401) (decided by another rule)`,
    );
  });

  it('writes the current outcomes with --write-expect, which then pass --expect', async () => {
    const path = join(scratch, 'written.json');

    const written = await runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules, '--write-expect', path);
    const checked = await runCli(
      'replay',
      SAMPLE.corpus,
      '--rules',
      SAMPLE.rules,
      '--expect',
      path,
      '--json',
    );

    expect(written.code).toBe(0);
    expect(written.stderr).toBe(`Wrote 14 expectations to ${path}\n`);
    const file = JSON.parse(await readFile(path, 'utf8')) as { version: number; expectations: unknown[] };
    expect(file.version).toBe(1);
    expect(file.expectations[0]).toEqual({
      file: 'events/backend-403.json',
      entry: 0,
      eventId: ids.forbidden,
      outcome: 'pass',
      kind: 'backend_permission_denied',
      rule: 'backend-403-reports',
    });
    expect(checked.code).toBe(0);
    expect((JSON.parse(checked.stdout) as JsonReport).mismatches).toEqual([]);
  });

  it('reports a broken event (bad JSON line, a non-object) on stderr, counts it and goes on', async () => {
    const corpus = join(scratch, 'broken');
    await writeCorpus(corpus, {
      'a.jsonl': [
        event('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'TokenExpiredError', 'jwt expired'),
        '{"event_id": "b", "message": "cut off',
        '42',
        event('cccccccccccccccccccccccccccccccc', 'TypeError', 'x is not a function'),
      ].join('\n'),
      'b.json': JSON.stringify([
        JSON.parse(event('dddddddddddddddddddddddddddddddd', 'Error', 'jwt expired')),
        null,
      ]),
    });

    const result = await runCli('replay', corpus, '--rules', SAMPLE.rules, '--json');

    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      [
        `warning: ${corpus}/a.jsonl:2: skipped: bad JSON (column 38: unterminated string)`,
        `warning: ${corpus}/a.jsonl:3: skipped: not an event object (number)`,
        `warning: ${corpus}/b.json: skipped: array element #1 is not an event object (null)`,
        '',
      ].join('\n'),
    );
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.events.map((replayed) => [replayed.file, replayed.entry, replayed.outcome])).toEqual([
      ['a.jsonl', 0, 'breadcrumb'],
      ['a.jsonl', 1, 'pass'],
      ['b.json', 0, 'breadcrumb'],
    ]);
    expect(report.summary).toMatchObject({ events: 3, files: 2, broken: 3 });
  });

  it('prints the totals line with the broken records and the files skipped as not events', async () => {
    const corpus = join(scratch, 'skipped');
    await writeCorpus(corpus, {
      'events.jsonl': `${event('eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', 'Error', 'jwt expired')}\nnot json`,
      'package.json': '{"name": "not-events"}',
      'nested/settings.json': '{"theme": "dark"}',
      'nested/rules.json': JSON.stringify([{ kind: 'x', action: 'drop', any: ['y'] }]),
      '.hidden/events.json': event('ffffffffffffffffffffffffffffffff', 'Error', 'hidden'),
    });

    const result = await runCli('replay', corpus, '--rules', SAMPLE.rules);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '1 event in 1 file (1 broken record skipped, 2 files skipped as not events)',
    );
    expect(result.stderr).toContain(`note: ${corpus}/nested/rules.json: not read as events (a rules file)`);
    expect(result.stderr).toContain(
      `note: ${corpus}/nested/settings.json: not read as events (no event fields such as event_id or exception)`,
    );
    expect(result.stderr).not.toContain('package.json');
  });

  it('classifies by the whole cause chain, tags and status of recorded shapes: dumps, downloads, envelopes', async () => {
    const corpus = join(scratch, 'shapes');
    const attachment = '{"type":"event"}\n{"message":"jwt expired"}\n{}';
    const lengthPrefixed = '{"message":"jwt expired","event_id":"55555555"}';
    const eventItem = {
      event_id: '11111111111111111111111111111111',
      exception: {
        values: [{ type: 'Error', value: 'OpenAI API error (429 Too Many Requests): slow down' }],
      },
    };
    await writeCorpus(corpus, {
      // A transport dump: one parsed envelope per line, with a client report skipped.
      'dump.jsonl': [
        JSON.stringify([{ event_id: eventItem.event_id }, [[{ type: 'event' }, eventItem]]]),
        JSON.stringify([{}, [[{ type: 'client_report' }, { discarded_events: [] }]]]),
      ].join('\n'),
      // As Sentry stores it ("JSON" link): tags as pairs and `type: "error"`.
      'downloaded.json': JSON.stringify({
        event_id: '22222222222222222222222222222222',
        type: 'error',
        title: 'Error: PATCH /channels/telegram/messages/7 failed (404)',
        tags: [
          ['domain', 'backend_api'],
          ['method', 'PATCH'],
          ['status_code', '404'],
        ],
        exception: { values: [{ type: 'Error', value: 'PATCH /channels/telegram/messages/7 failed (404)' }] },
      }),
      // As Sentry's REST API returns it: `entries` and `{ key, value }` tags.
      'api.json': JSON.stringify({
        eventID: '33333333333333333333333333333333',
        entries: [{ type: 'message', data: { formatted: 'SESSION_EXPIRED: sign in again' } }],
        tags: [{ key: 'level', value: 'warning' }],
      }),
      // An SDK transaction: the integration never classifies an event with a `type`.
      'transaction.json': JSON.stringify({
        event_id: '44444444444444444444444444444444',
        type: 'transaction',
        transaction: 'GET /teams',
        message: 'jwt expired',
      }),
      // Two envelopes back to back; the attachment's bytes hold newlines and lines that look like items.
      'two.envelope': [
        '{"event_id":"55555555555555555555555555555555"}',
        `{"type":"attachment","length":${Buffer.byteLength(attachment)}}`,
        attachment,
        '{"type":"transaction"}',
        '{"type":"transaction","transaction":"GET /teams"}',
        '{}',
        `{"type":"event","length":${Buffer.byteLength(lengthPrefixed)}}`,
        lengthPrefixed,
      ].join('\n'),
    });

    const result = await runCli('replay', corpus, '--rules', SAMPLE.rules, '--json');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(
      report.events.map(({ file, eventId, outcome, rule }) => ({ file, eventId, outcome, rule })),
    ).toEqual([
      {
        file: 'api.json',
        eventId: '33333333333333333333333333333333',
        outcome: 'breadcrumb',
        rule: 'session-expired-sentinel',
      },
      {
        file: 'downloaded.json',
        eventId: '22222222222222222222222222222222',
        outcome: 'drop',
        rule: 'channel-message-404',
      },
      {
        file: 'dump.jsonl',
        eventId: '11111111111111111111111111111111',
        outcome: 'drop',
        rule: 'transient-status-text',
      },
      {
        file: 'transaction.json',
        eventId: '44444444444444444444444444444444',
        outcome: 'pass',
        rule: undefined,
      },
      { file: 'two.envelope', eventId: '55555555', outcome: 'breadcrumb', rule: 'jwt-expired' },
    ]);
    expect(report.events.find((replayed) => replayed.eventId === '55555555')?.line).toBe(10);
  });

  it('reports the surges the integration would have sent, from the timestamps of events out of order', async () => {
    const corpus = join(scratch, 'surge');
    const at = (seconds: number, id: string, value: string) =>
      JSON.stringify({
        event_id: id,
        timestamp: 1_700_000_000 + seconds,
        exception: { values: [{ type: 'Error', value }] },
      });
    // Four expired sessions within 30 s (recorded out of order), a fifth an hour later, and a timeout
    // storm below the threshold; a passing event never counts.
    await writeCorpus(corpus, {
      'a.jsonl': [
        at(20, 'a1', 'jwt expired'),
        at(0, 'a2', 'jwt expired'),
        at(3_600, 'a3', 'jwt expired'),
        at(5, 'a4', 'x is not a function'),
      ].join('\n'),
      'b.json': JSON.stringify([
        { event_id: 'b1', timestamp: new Date(1_700_000_010_000).toISOString(), message: 'jwt expired' },
        { event_id: 'b2', timestamp: 1_700_000_030, message: 'SESSION_EXPIRED: sign in again' },
      ]),
    });

    const table = await runCli('replay', corpus, '--rules', SAMPLE.rules, '--surge', '3/1m');
    const json = await runCli('replay', corpus, '--rules', SAMPLE.rules, '--surge', '3/60000', '--json');
    const quiet = await runCli('replay', corpus, '--rules', SAMPLE.rules, '--surge', '4/1m');

    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      'Surges the integration would have sent (more than 3 drops and demotions of one kind within 1 min): 1\n  session_expired  2023-11-14T22:13:50.000Z  4 events since 2023-11-14T22:13:20.000Z  (jwt-expired 3, session-expired-sentinel 1)\n',
    );
    expect((JSON.parse(json.stdout) as { summary: { surges: unknown } }).summary.surges).toEqual([
      {
        kind: 'session_expired',
        count: 4,
        threshold: 3,
        windowMs: 60_000,
        rules: { 'jwt-expired': 3, 'session-expired-sentinel': 1 },
        from: '2023-11-14T22:13:20.000Z',
        at: '2023-11-14T22:13:50.000Z',
      },
    ]);
    expect(quiet.stdout).toContain('Surges: none (more than 4 drops and demotions of one kind within 1 min)');
  });

  it('never prints a secret from an event: summaries are redacted, then cut', async () => {
    const corpus = join(scratch, 'secrets');
    const secrets = {
      jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXNlY3JldA',
      openAi: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345',
      password: 'hunter2-database-password',
      bearer: 'opaque-bearer-token-0123456789',
    };
    await writeCorpus(corpus, {
      'secrets.jsonl': [
        event('a1', 'Error', `TokenExpiredError: jwt expired for token ${secrets.jwt}`),
        event('a2', 'Error', `OpenAI API error (401 Unauthorized): invalid_api_key ${secrets.openAi}`),
        event('a3', 'Error', `connect postgres://app:${secrets.password}@db.internal:5432/app failed`),
        event('a4', 'Error', `GET /teams failed (401 Unauthorized): Authorization: Bearer ${secrets.bearer}`),
        // The secret starts where the summary is cut: redaction happens before the cut.
        event('a5', 'Error', `${'x'.repeat(180)} api_key=${secrets.openAi}`),
      ].join('\n'),
    });

    const table = await runCli('replay', corpus, '--rules', SAMPLE.rules);
    const json = await runCli('replay', corpus, '--rules', SAMPLE.rules, '--json');

    expect(table.code).toBe(0);
    for (const output of [table.stdout, table.stderr, json.stdout, json.stderr]) {
      for (const secret of Object.values(secrets)) expect(output).not.toContain(secret.slice(0, 12));
    }
    expect(table.stdout).toContain('[redacted-jwt]');
    expect(table.stdout).toContain('sk-[redacted]');
    expect(table.stdout).toContain('postgres://[redacted]@db.internal');
    expect(table.stdout).toContain('Authorization: Bearer [redacted]');
  });

  it('prints its usage with --help and its version with --version', async () => {
    const help = await runCli('--help');
    const version = await runCli('--version');

    expect(help.code).toBe(0);
    expect(help.stdout).toContain('sentry-expected-errors replay <file|dir> --rules <module>');
    expect(help.stdout).toContain('sentry-expected-errors check --rules <module>');
    expect(version.code).toBe(0);
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(version.stdout).toBe(`${manifest.version}\n`);
  });
});

/** One recorded event as a JSON line: an exception with a type and value. */
function event(eventId: string, type: string, value: string): string {
  return JSON.stringify({ event_id: eventId, level: 'error', exception: { values: [{ type, value }] } });
}

async function writeCorpus(directory: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(directory, name)), { recursive: true });
    await writeFile(join(directory, name), content);
  }
}
