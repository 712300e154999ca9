import { describe, expect, it } from 'vitest';
import { buildClassifier } from '../../src/classifier/build.js';
import { createClassifier, type Rule } from '../../src/index.js';
import { indexedMatcherSteps } from '../../src/rules/indexed-match.js';

const exceptionEvent = (...values: Array<[type: string, value: string]>) => ({
  exception: { values: values.map(([type, value]) => ({ type, value })) },
});
const kindOf = (rules: Rule[], event: unknown, hint?: unknown) =>
  createClassifier({ rules }).classify(event, hint)?.kind;

describe('createClassifier', () => {
  describe('substring conditions', () => {
    const rules: Rule[] = [
      {
        id: 'conjunctive',
        kind: 'session_expired',
        action: 'breadcrumb',
        all: ['OpenHuman API error (401', '"error":"Invalid token"'],
      },
    ];

    it('matches only when every `all` substring is present', () => {
      expect(
        kindOf(rules, {
          message: 'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
        }),
      ).toBe('session_expired');
      expect(
        kindOf(rules, { message: 'OpenHuman API error (401 Unauthorized): invalid_api_key' }),
      ).toBeUndefined();
      expect(kindOf(rules, { message: 'Invalid token' })).toBeUndefined();
    });

    it('finds `all` substrings across the exception chain (cause and outer error)', () => {
      const event = exceptionEvent(
        ['Error', '{"success":false,"error":"Invalid token"}'],
        ['Error', 'OpenHuman API error (401 Unauthorized)'],
      );
      expect(kindOf(rules, event)).toBe('session_expired');
    });

    it('never finds a substring across two fields', () => {
      const split: Rule[] = [{ kind: 'k', action: 'drop', all: ['abcdef'] }];
      expect(kindOf(split, { message: 'xxabc', logentry: { message: 'defxx' } })).toBeUndefined();
      expect(kindOf(split, exceptionEvent(['Error', 'xxabc'], ['Error', 'defxx']))).toBeUndefined();
    });

    it("reads an exception as `type: value`, like Sentry's ignoreErrors", () => {
      const typed: Rule[] = [
        { kind: 'session_expired', action: 'drop', all: ['TokenExpiredError: jwt expired'] },
      ];
      expect(kindOf(typed, exceptionEvent(['TokenExpiredError', 'jwt expired']))).toBe('session_expired');
      const spanning: Rule[] = [{ kind: 'spanning', action: 'drop', all: ['Error: jwt'] }];
      expect(kindOf(spanning, exceptionEvent(['TokenExpiredError', 'jwt expired']))).toBe('spanning');
      expect(kindOf(spanning, exceptionEvent(['TokenExpiredERROR', 'jwt expired']))).toBeUndefined();
      expect(kindOf(typed, exceptionEvent(['Error', 'TokenExpiredError']))).toBeUndefined();
    });

    it('reads a parameterized message with its params in place', () => {
      const envelope: Rule[] = [
        { kind: 'session_expired', action: 'drop', all: ['failed: OpenHuman API error (401'] },
      ];
      const event = {
        logentry: {
          message: 'chat failed: %s (attempt %d)',
          params: ['OpenHuman API error (401 Unauthorized)', 2],
        },
      };
      expect(kindOf(envelope, event)).toBe('session_expired');
      expect(kindOf([{ kind: 'k', action: 'drop', all: ['(attempt 2)'] }], event)).toBe('k');
      expect(kindOf([{ kind: 'k', action: 'drop', all: ['%s (attempt'] }], event)).toBe('k');
    });

    it('requires at least one `any` substring', () => {
      const anyRule: Rule[] = [{ kind: 'k', action: 'drop', any: ['alpha', 'beta'] }];
      expect(kindOf(anyRule, { message: 'has beta' })).toBe('k');
      expect(kindOf(anyRule, { message: 'has gamma' })).toBeUndefined();
    });

    it('refuses a match when a `none` substring is present anywhere in the event', () => {
      const guarded: Rule[] = [
        { kind: 'k', action: 'drop', all: ['API error (401'], none: ['invalid_api_key'] },
      ];
      expect(kindOf(guarded, { message: 'API error (401): expired' })).toBe('k');
      expect(
        kindOf(guarded, exceptionEvent(['Error', 'invalid_api_key'], ['Error', 'API error (401): x'])),
      ).toBeUndefined();
    });

    it('compares case-sensitively by default, like Sentry', () => {
      const sentinel: Rule[] = [{ kind: 'session_expired', action: 'drop', any: ['SESSION_EXPIRED'] }];
      expect(kindOf(sentinel, { message: 'SESSION_EXPIRED: sign in' })).toBe('session_expired');
      expect(kindOf(sentinel, { message: 'session_expired lowercase' })).toBeUndefined();
    });

    it('folds case with `ignoreCase`, also when a case-sensitive rule shares the substring', () => {
      const mixed: Rule[] = [
        { id: 'sensitive', kind: 'upper', action: 'drop', any: ['Invalid Token'] },
        { id: 'insensitive', kind: 'any_case', action: 'drop', any: ['invalid token'], ignoreCase: true },
      ];
      expect(createClassifier({ rules: mixed }).classify({ message: 'got Invalid Token' })?.rule).toBe(
        'sensitive',
      );
      expect(createClassifier({ rules: mixed }).classify({ message: 'got INVALID TOKEN' })?.rule).toBe(
        'insensitive',
      );
      expect(createClassifier({ rules: mixed }).classify({ message: 'got invalid token' })?.rule).toBe(
        'insensitive',
      );
    });

    it('folds non-ASCII letters too', () => {
      const accented: Rule[] = [{ kind: 'k', action: 'drop', any: ['ÉCHEC'], ignoreCase: true }];
      expect(kindOf(accented, { message: 'requête: échec du jeton' })).toBe('k');
    });

    it('finds overlapping and nested substrings (one a suffix of another)', () => {
      const nested: Rule[] = [
        { id: 'long', kind: 'long', action: 'drop', all: ['xabcabd'] },
        { id: 'short', kind: 'short', action: 'drop', all: ['abd', 'cab'] },
      ];
      const classifier = createClassifier({ rules: nested });
      expect(classifier.explain({ message: 'xabcabd' })).toEqual(['long', 'short']);
      expect(classifier.explain({ message: 'abcabd' })).toEqual(['short']);
    });
  });

  describe('structured conditions', () => {
    it('reads the status from tags, contexts.response and the live error (and its causes)', () => {
      const rules: Rule[] = [{ kind: 'unauthorized', action: 'drop', status: 401 }];
      expect(kindOf(rules, { message: 'x', tags: { status: '401' } })).toBe('unauthorized');
      expect(kindOf(rules, { message: 'x', tags: { 'http.status_code': 401 } })).toBe('unauthorized');
      expect(kindOf(rules, { message: 'x', tags: { 'http.response.status_code': '401' } })).toBe(
        'unauthorized',
      );
      expect(kindOf(rules, { message: 'x', contexts: { response: { status_code: 401 } } })).toBe(
        'unauthorized',
      );
      expect(kindOf(rules, { message: 'x' }, { originalException: { statusCode: 401 } })).toBe(
        'unauthorized',
      );
      expect(kindOf(rules, { message: 'x' }, { originalException: { response: { status: 401 } } })).toBe(
        'unauthorized',
      );
      const wrapped = new Error('outer', { cause: Object.assign(new Error('inner'), { status: 401 }) });
      expect(kindOf(rules, { message: 'x' }, { originalException: wrapped })).toBe('unauthorized');
    });

    it('reads the status of a thrown plain object from extra.__serialized__', () => {
      const rules: Rule[] = [{ kind: 'unauthorized', action: 'drop', status: 401 }];
      const event = {
        message: 'Object captured as exception with keys: message, status',
        extra: { __serialized__: { status: 401 } },
      };
      expect(kindOf(rules, event)).toBe('unauthorized');
    });

    it('never reads a status out of the text', () => {
      const rules: Rule[] = [{ kind: 'unauthorized', action: 'drop', status: 401 }];
      expect(kindOf(rules, { message: 'API error (401 Unauthorized)' })).toBeUndefined();
      expect(kindOf(rules, { message: 'x', tags: { status: '401 Unauthorized' } })).toBeUndefined();
      expect(kindOf(rules, { message: 'x', tags: { status: 401.5 } })).toBeUndefined();
    });

    it('matches an exception type anywhere in the chain', () => {
      const rules: Rule[] = [{ kind: 'gone', action: 'drop', exceptionType: ['MessageNotFoundError'] }];
      expect(kindOf(rules, exceptionEvent(['MessageNotFoundError', 'gone'], ['Error', 'wrapper']))).toBe(
        'gone',
      );
      expect(kindOf(rules, exceptionEvent(['Error', 'MessageNotFoundError']))).toBeUndefined();
    });

    it('compares tag values as strings and requires every tag', () => {
      const rules: Rule[] = [
        { kind: 'gone', action: 'drop', tags: { method: ['PATCH', 'DELETE'], retried: true } },
      ];
      expect(kindOf(rules, { message: 'x', tags: { method: 'DELETE', retried: 'true' } })).toBe('gone');
      expect(kindOf(rules, { message: 'x', tags: { method: 'GET', retried: true } })).toBeUndefined();
      expect(kindOf(rules, { message: 'x', tags: { method: 'PATCH' } })).toBeUndefined();
      expect(
        kindOf(rules, { message: 'x', tags: { method: { toString: () => 'PATCH' }, retried: true } }),
      ).toBeUndefined();
    });

    it('runs a `pattern` on each field and combines it with the other conditions', () => {
      const rules: Rule[] = [
        { kind: 'bail', action: 'drop', all: [' failed (401'], pattern: /^(?:GET|POST) \/\S* failed \(401/ },
      ];
      expect(kindOf(rules, { message: 'GET /teams failed (401 Unauthorized)' })).toBe('bail');
      expect(kindOf(rules, { message: 'Discord list guilds failed (401): Unauthorized' })).toBeUndefined();
      const patternOnly: Rule[] = [{ kind: 'p', action: 'drop', pattern: /quota \d+%/i }];
      expect(kindOf(patternOnly, exceptionEvent(['Error', 'QUOTA 95% used']))).toBe('p');
    });

    it('answers the same way every time even for a /g pattern', () => {
      const classifier = createClassifier({ rules: [{ kind: 'p', action: 'drop', pattern: /expired/g }] });
      const results = Array.from(
        { length: 4 },
        () => classifier.classify({ message: 'token expired' })?.kind,
      );
      expect(results).toEqual(['p', 'p', 'p', 'p']);
    });
  });

  describe('precedence', () => {
    const rules: Rule[] = [
      { id: 'broad', kind: 'broad', action: 'drop', any: ['401'] },
      { id: 'narrow', kind: 'narrow', action: 'breadcrumb', all: ['API error (401'] },
      { id: 'guard', kind: 'byo', action: 'report', any: ['invalid_api_key'] },
    ];

    it('lets the first matching rule decide', () => {
      expect(createClassifier({ rules }).classify({ message: 'API error (401): expired' })?.rule).toBe(
        'broad',
      );
      expect(
        createClassifier({ rules: [rules[1], rules[0]] as Rule[] }).classify({
          message: 'API error (401): x',
        })?.rule,
      ).toBe('narrow');
    });

    it('lets a matching `report` rule win wherever it sits', () => {
      const classification = createClassifier({ rules }).classify({
        message: 'API error (401): invalid_api_key',
      });
      expect(classification).toEqual({ kind: 'byo', action: 'report', rule: 'guard', summary: 'redacted' });
    });

    it('lets a typed expected error decide before any rule', () => {
      const marked = Object.defineProperty(new Error('x'), Symbol.for('sentry-expected-errors.expected'), {
        value: { kind: 'typed_kind', action: 'drop' },
      });
      expect(
        createClassifier({ rules }).classify({ message: 'invalid_api_key' }, { originalException: marked }),
      ).toMatchObject({
        kind: 'typed_kind',
        action: 'drop',
        rule: 'typed:typed_kind',
      });
    });
  });

  describe('inputs of any shape', () => {
    const classifier = createClassifier({
      rules: [
        {
          kind: 'k',
          action: 'drop',
          all: ['needle'],
          status: [500],
          exceptionType: 'Error',
          tags: { a: 'b' },
        },
      ],
    });
    const shapes: unknown[] = [
      undefined,
      null,
      42,
      'needle',
      [],
      {},
      { message: 42 },
      { message: { formatted: 7 } },
      { exception: null },
      { exception: { values: 'needle' } },
      { exception: { values: [null, 5, 'x', { type: 5, value: { nested: 'needle' } }] } },
      { tags: null, contexts: { response: null } },
      { tags: { status: Number.NaN, a: Symbol('b') } },
      { logentry: { message: ['needle'] } },
    ];

    it.each(shapes.map((shape) => [shape]))('passes %j without throwing', (shape) => {
      expect(classifier.classify(shape, shape)).toBeUndefined();
      expect(classifier.classifyBreadcrumb(shape)).toBeUndefined();
    });

    it('classifies an event with a cyclic `extra` and a cyclic hint error', () => {
      const extra: Record<string, unknown> = {};
      extra.self = extra;
      const cyclicError = new Error('cycle') as Error & { cause?: unknown };
      cyclicError.cause = cyclicError;
      const event = { ...exceptionEvent(['Error', 'needle']), extra, tags: { a: 'b' } };
      expect(
        classifier.classify(event, { originalException: Object.assign(cyclicError, { status: 500 }) })?.kind,
      ).toBe('k');
    });

    it('finds a substring at the start of a multi-megabyte message and in its first 64 KiB', () => {
      const rules: Rule[] = [{ kind: 'k', action: 'drop', all: ['NEEDLE'] }];
      const huge = 'x'.repeat(3 * 1024 * 1024);
      expect(kindOf(rules, { message: `NEEDLE${huge}` })).toBe('k');
      expect(kindOf(rules, { message: `${'y'.repeat(65_000)}NEEDLE${huge}` })).toBe('k');
    });

    it('scans at most `maxTextLength` code units of a field', () => {
      const classifier = createClassifier({
        rules: [{ kind: 'k', action: 'drop', all: ['NEEDLE'] }],
        maxTextLength: 100,
      });
      expect(classifier.classify({ message: `${'x'.repeat(94)}NEEDLE` })?.kind).toBe('k');
      expect(classifier.classify({ message: `${'x'.repeat(95)}NEEDLE` })).toBeUndefined();
    });
  });

  describe('breadcrumbs', () => {
    it('reads message, data.url and data.status_code', () => {
      const classifier = createClassifier({
        rules: [
          { id: 'by-status', kind: 'unauthorized', action: 'drop', status: 401 },
          { id: 'by-url', kind: 'gone', action: 'breadcrumb', all: ['/channels/', '/messages/'] },
        ],
      });
      expect(
        classifier.classifyBreadcrumb({ category: 'http', data: { status_code: 401, url: 'https://x/y' } })
          ?.rule,
      ).toBe('by-status');
      expect(
        classifier.classifyBreadcrumb({ category: 'fetch', data: { url: 'https://x/channels/t/messages/1' } })
          ?.rule,
      ).toBe('by-url');
      expect(
        classifier.classifyBreadcrumb({ message: 'nothing here', data: { status_code: 200 } }),
      ).toBeUndefined();
    });
  });

  it('reports its size: the automaton for more than 6 anchors, none for fewer (searched directly)', () => {
    const many = createClassifier({
      rules: [
        { kind: 'a', action: 'drop', all: ['hello', 'world'] },
        { kind: 'b', action: 'drop', any: ['hello', 'help', 'abc', 'abd', 'x', 'y'] },
      ],
    });
    expect(many.stats).toMatchObject({ rules: 2, anchors: 7 });
    // The trie's states: the root, then one per code unit not shared with an earlier key.
    expect(many.stats.states).toBe(
      1 +
        'hel'.length +
        'lo'.length +
        'p'.length +
        'world'.length +
        'ab'.length +
        'c'.length +
        'd'.length +
        2,
    );
    expect(many.stats.bytes).toBeGreaterThan(0);

    const few = createClassifier({
      rules: [
        { kind: 'a', action: 'drop', all: ['hello', 'world'] },
        { kind: 'b', action: 'drop', any: ['hello', 'help'] },
      ],
    });
    expect(few.stats).toEqual({ rules: 2, anchors: 3, states: 0, bytes: 0 });
    expect(few.classify({ message: 'HELLO world' })).toBeUndefined();
    expect(few.classify({ message: 'hello world' })?.kind).toBe('a');
  });

  it('generates ids from the kind and position when absent', () => {
    const classifier = createClassifier({
      rules: [
        { kind: 'a', action: 'drop', any: ['x'] },
        { id: 'named', kind: 'b', action: 'drop', any: ['y'] },
      ],
    });
    expect(classifier.rules.map((rule) => rule.id)).toEqual(['a#0', 'named']);
  });
});

describe('a field made of several parts (a log template with its params in place)', () => {
  it('is scanned whole when a part is empty: a placeholder at the start leaves an empty first part', () => {
    const rules: Rule[] = [
      {
        id: 'invalid-token',
        kind: 'session_expired',
        action: 'breadcrumb',
        all: ['API error (401', 'Invalid token'],
      },
      ...Array.from(
        { length: 20 },
        (_, index): Rule => ({ kind: 'filler', action: 'drop', any: [`filler ${index}`] }),
      ),
    ];
    const event = {
      logentry: {
        message: '%s',
        params: ['OpenHuman API error (401 Unauthorized): {"error":"Invalid token"}'],
      },
    };
    for (const index of ['always', 'never'] as const) {
      const classifier = buildClassifier(
        { rules },
        { readUpstream: undefined, compilePattern: undefined, index, indexed: indexedMatcherSteps },
      );
      expect(classifier.classify(event)?.rule, index).toBe('invalid-token');
    }
  });
});
