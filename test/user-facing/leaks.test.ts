import { readFileSync } from 'node:fs';
import { APICallError } from '@ai-sdk/provider';
import * as fc from 'fast-check';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_FACING_MESSAGES, type UserFacingCategory } from '../../src/user-facing/messages.js';
import { userFacingError } from '../../src/user-facing/user-facing-error.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');
}

const SENTENCES: readonly string[] = Object.values(DEFAULT_USER_FACING_MESSAGES);
const CATEGORIES = Object.keys(DEFAULT_USER_FACING_MESSAGES) as UserFacingCategory[];
const WINDOW = 8;

/** The substrings of length `WINDOW` two texts share. */
function sharedWindows(left: string, right: string): string[] {
  const windows = new Set<string>();
  for (let index = 0; index + WINDOW <= left.length; index++) windows.add(left.slice(index, index + WINDOW));
  const shared: string[] = [];
  for (let index = 0; index + WINDOW <= right.length; index++) {
    const window = right.slice(index, index + WINDOW);
    if (windows.has(window)) shared.push(window);
  }
  return shared;
}

/** The same raw text as apps meet it: a string, an Error, an SDK error body, a response body, a cause. */
function wrappers(raw: string): Array<readonly [string, unknown]> {
  return [
    ['string', raw],
    ['Error', new Error(raw)],
    [
      'OpenAI APIError 502 body',
      OpenAI.APIError.generate(
        502,
        { error: { message: raw, type: 'server_error' } },
        undefined,
        new Headers(),
      ),
    ],
    [
      'OpenAI APIError 429 body',
      OpenAI.APIError.generate(429, { error: { message: raw } }, undefined, new Headers()),
    ],
    [
      'APICallError responseBody',
      new APICallError({
        message: raw,
        url: 'https://api.example.com',
        requestBodyValues: {},
        statusCode: 500,
        responseBody: JSON.stringify({ error: { message: raw } }),
      }),
    ],
    ['fetch failed cause', new TypeError('fetch failed', { cause: new Error(raw) })],
    ['wrapped app error', new Error(`LLM call failed: ${raw}`, { cause: new Error(raw) })],
    ['plain stream part', { type: 'error', error: { type: 'api_error', message: raw } }],
  ];
}

// Raw errors carrying secrets, paths, bodies and markup, with the parts that must never be shown.
const LEAK_CORPUS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  [
    'the #2546 traceback',
    fixture('ironclaw-issue-2546.txt'),
    [
      'Traceback',
      'orchestrator.py',
      'RuntimeError',
      'run_loop',
      'effect execution error',
      'nearai',
      'line 907',
    ],
  ],
  [
    'a connection string',
    'execution failed: store error: connection \'postgres://bob:hunter2@db:5432/x\' refused: File "/home/runner/.ironclaw/state.db" not found',
    ['postgres://', 'hunter2', 'bob', '/home/runner', 'state.db', 'db:5432'],
  ],
  [
    'a leaked token',
    'execution failed: store error: leaked token sk_live_123 and request id req_abc123 at /etc/secrets/keyring',
    ['sk_live_123', 'req_abc123', '/etc/secrets', 'keyring'],
  ],
  [
    'an OpenAI key in a 401 body',
    fixture('openai-401-invalid-api-key-legacy.json'),
    ['sk-test', 'platform.openai.com', 'invalid_api_key', '{'],
  ],
  [
    'a project key in a message',
    'Incorrect API key provided: sk-proj-AbCdEf0123456789xyzXYZ. You can find your API key at https://platform.openai.com/account/api-keys.',
    ['sk-proj', 'AbCdEf0123456789', 'https://'],
  ],
  [
    'an Anthropic key',
    'HTTP 401 Unauthorized: x-api-key sk-ant-api03-ZZZZZZZZZZZZZZZZZZZZ rejected',
    ['sk-ant', 'ZZZZZZZZ', 'x-api-key'],
  ],
  [
    'a Bearer header in a dump',
    'HTTP 502 Bad Gateway\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ['Bearer', 'eyJhbGci', 'Authorization'],
  ],
  [
    'a Google key in a URL',
    'HTTP 429 Too Many Requests from https://generativelanguage.googleapis.com/v1beta/models/gemini:generateContent?key=AIzaSyA1234567890abcdefghijklmnopqrstu',
    ['AIzaSy', 'googleapis', '?key='],
  ],
  [
    'a Cloudflare 502 page',
    fixture('cloudflare-502.html'),
    ['<', 'cloudflare', 'Cloudflare', '203.0.113.7', '8838a1b1a9c1e3f2', 'api.example.com', 'Ray ID'],
  ],
  [
    'a Cloudflare 520 page',
    fixture('cloudflare-520.html'),
    ['<', '520', 'Web server', '203.0.113.7', 'api.example.com'],
  ],
  ['an nginx page', fixture('nginx-502.html'), ['<', 'nginx', '502']],
  [
    'a JSON body',
    fixture('anthropic-400-prompt-too-long.json'),
    ['{', 'req_011CV5Jab6gR3ZNs9Sj6apiD', '205429', 'invalid_request_error'],
  ],
  [
    'a Python repr body',
    fixture('openai-python-429-tpm.txt'),
    ['{', "'error'", 'gpt-4o-mini', '195869', 'rate-limits'],
  ],
  [
    'file paths and a stack',
    "Error: EACCES: permission denied, open '/Users/alice/.config/app/credentials.json'\n    at Object.openSync (node:fs:601:3)\n    at C:\\Users\\bob\\AppData\\Roaming\\app\\main.js:12:5",
    ['/Users/alice', 'credentials.json', 'node:fs', 'C:\\', 'AppData', 'main.js'],
  ],
  [
    'an email and an internal host',
    'HTTP 503 Service Unavailable: upstream llm-gateway.internal.corp:8443 for user carol@example.com',
    ['llm-gateway', 'internal.corp', '8443', 'carol@example.com'],
  ],
];

const FORBIDDEN_CHARACTERS = ['{', '}', '<', '>', '/', '\\', '@', ':', '"', '`', '=', '?', '&'];

describe('userFacingError', () => {
  describe('never echoes the input', () => {
    it('uses sentences free of the characters URLs, paths, JSON and HTML need', () => {
      for (const sentence of SENTENCES)
        for (const character of FORBIDDEN_CHARACTERS) expect(sentence).not.toContain(character);
    });

    const vectors = LEAK_CORPUS.flatMap(([name, raw, secrets]) =>
      wrappers(raw).map(([shape, error]) => [`${name} (${shape})`, error, secrets] as const),
    );
    it.each(vectors)('answers %s with a fixed sentence and none of its secrets', (_name, error, secrets) => {
      const { message } = userFacingError(error);
      expect(SENTENCES).toContain(message);
      for (const secret of secrets) expect(message).not.toContain(secret);
      for (const character of FORBIDDEN_CHARACTERS) expect(message).not.toContain(character);
    });

    it('answers with exactly one of the configured sentences, for any string (property)', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 300 })),
          (raw) => {
            expect(SENTENCES).toContain(userFacingError(raw).message);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('answers with exactly the app-supplied sentence when there is one (property)', () => {
      const sentence = fc.string({ minLength: 1, maxLength: 80 }).filter((text) => text.trim().length > 0);
      const messages = fc.dictionary(fc.constantFrom(...CATEGORIES), sentence);
      fc.assert(
        fc.property(fc.string(), messages, (raw, custom) => {
          const { category, message } = userFacingError(raw, { messages: custom });
          expect(message).toBe(custom[category] ?? DEFAULT_USER_FACING_MESSAGES[category]);
        }),
        { numRuns: 500 },
      );
    });

    it(`shares no substring of ${WINDOW} characters with a random input, bare or wrapped (property)`, () => {
      // Inputs that share a window with a sentence would share it with the answer by construction: the
      // honest invariant for those is "the answer is one of the sentences", tested above.
      const raw = fc
        .string({ unit: 'grapheme-ascii', minLength: WINDOW, maxLength: 200 })
        .filter((text) => SENTENCES.every((sentence) => sharedWindows(sentence, text).length === 0));
      const status = fc.constantFrom(400, 401, 413, 429, 500, 502, 503, 529);
      const framed = fc.tuple(raw, status).map(([text, code]) => `HTTP ${code} ${text}`);
      fc.assert(
        fc.property(fc.oneof(raw, framed), (text) => {
          for (const [, error] of wrappers(text)) {
            expect(sharedWindows(userFacingError(error).message, text)).toEqual([]);
          }
        }),
        { numRuns: 300 },
      );
    });

    /** Inputs made of the default sentences and of what must never be shown. */
    const SENTENCE_PIECES = [
      ...SENTENCES,
      'HTTP 429 ',
      'sk-live-SECRETSECRET ',
      '/home/runner/ ',
      '{"error":',
    ] as const;

    it('answers inputs built from the default sentences with a sentence and no secret (property)', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...SENTENCE_PIECES), { maxLength: 6 }), (parts) => {
          const { message } = userFacingError(parts.join(''));
          expect(SENTENCES).toContain(message);
          expect(message).not.toContain('SECRET');
          expect(message).not.toContain('/home');
        }),
        { numRuns: 300 },
      );
    });

    it(`shares no substring of ${WINDOW} characters with such inputs when the app supplies its own sentences (property)`, () => {
      // With sentences that share no window with any piece of the input, any window the answer shares
      // with the input came from the input: an echo, even of text that looks like a sentence.
      const custom = Object.fromEntries(
        CATEGORIES.map((category, index) => [category, `Custom answer ${index + 1}, qzx.`]),
      ) as Record<UserFacingCategory, string>;
      for (const sentence of Object.values(custom))
        for (const piece of SENTENCE_PIECES) expect(sharedWindows(sentence, piece)).toEqual([]);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...SENTENCE_PIECES), { maxLength: 6 }), (parts) => {
          const text = parts.join('');
          const { category, message } = userFacingError(text, { messages: custom });
          expect(message).toBe(custom[category]);
          expect(sharedWindows(message, text)).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  });
});
