import { describe, expect, it } from 'vitest';
import {
  checkRules,
  createClassifier,
  RuleConfigError,
  type RuleConfigProblem,
  rulesFromJson,
} from '../../src/index.js';

const problemsOf = (build: () => unknown): readonly RuleConfigProblem[] => {
  try {
    build();
  } catch (error) {
    if (RuleConfigError.isInstance(error)) return error.problems;
    throw error;
  }
  throw new Error('expected a RuleConfigError');
};

const jsonRules = JSON.stringify([
  {
    id: 'bail-401',
    kind: 'session_expired',
    action: 'breadcrumb',
    pattern: { source: '^(?:GET|POST) /\\S* failed \\(401', flags: 'i' },
    upstream: { type: 'unauthorized' },
    examples: {
      match: [{ text: 'get /teams failed (401)', upstream: { type: 'unauthorized', retryable: false } }],
    },
  },
  {
    id: 'quota',
    kind: 'quota',
    action: 'report',
    status: 429,
    any: ['insufficient_quota'],
    sample: 0.1,
    examples: { match: [{ text: 'insufficient_quota', status: 429 }] },
  },
]);

describe('rulesFromJson', () => {
  it('reads a JSON text into rules that classify and self-test', () => {
    const rules = rulesFromJson(jsonRules);
    expect(rules.map((rule) => rule.id)).toEqual(['bail-401', 'quota']);
    expect(checkRules(rules).problems).toEqual([]);
    const classifier = createClassifier({ rules });
    expect(classifier.classify({ message: 'insufficient_quota', tags: { status: 429 } })).toMatchObject({
      rule: 'quota',
      sample: 0.1,
    });
  });

  it('takes parsed data too, and an object with a `rules` array', () => {
    const parsed: unknown = JSON.parse(jsonRules);
    expect(rulesFromJson(parsed)).toEqual(parsed);
    expect(rulesFromJson({ $schema: 'x', rules: parsed })).toEqual(parsed);
    expect(rulesFromJson(`\uFEFF${jsonRules}`)).toHaveLength(2);
  });

  it('lists every problem of every rule at once, each with index, id, field and path', () => {
    const problems = problemsOf(() =>
      rulesFromJson([
        { id: 'a', kind: 'k', action: 'explode', all: ['x', ''], pattern: '^Error' },
        { kind: 'k', action: 'drop', upstream: { type: 'slow' }, sample: 2 },
        { id: 'ok', kind: 'k', action: 'drop', any: ['fine'] },
        {
          id: 'c',
          kind: '',
          action: 'drop',
          tags: { 'http.method': { verb: 'GET' } },
          examples: { match: [{ text: 'x', status: 99 }] },
        },
      ]),
    );
    expect(problems.map(({ index, id, field, path }) => ({ index, id, field, path }))).toEqual([
      { index: 0, id: 'a', field: 'action', path: ['action'] },
      { index: 0, id: 'a', field: 'all[1]', path: ['all', 1] },
      { index: 0, id: 'a', field: 'pattern', path: ['pattern'] },
      { index: 1, id: undefined, field: 'sample', path: ['sample'] },
      { index: 1, id: undefined, field: 'upstream.type', path: ['upstream', 'type'] },
      { index: 3, id: 'c', field: 'kind', path: ['kind'] },
      { index: 3, id: 'c', field: 'tags["http.method"]', path: ['tags', 'http.method'] },
      { index: 3, id: 'c', field: 'examples.match[0].status', path: ['examples', 'match', 0, 'status'] },
    ]);
    expect(problems[2]?.message).toBe(
      'rule #0 ("a"): `pattern` must be written as { "source": "…", "flags": "…" } in a JSON rules file (JSON has no RegExp)',
    );
    expect(problems[3]?.message).toMatch(/^rule #1: `sample` must be a number from 0 to 1/);
  });

  it('says how many more problems there are in the message', () => {
    let caught: unknown;
    try {
      rulesFromJson([{ kind: 'k', action: 'x', any: [] }, { kind: 'k' }]);
    } catch (error) {
      caught = error;
    }
    expect(RuleConfigError.isInstance(caught)).toBe(true);
    const error = caught as RuleConfigError;
    expect(error.problems).toHaveLength(4);
    expect(error.message).toBe(`${error.problems[0]?.message} (and 3 more)`);
    expect([error.ruleIndex, error.field]).toEqual([0, 'action']);
  });

  it.each([
    ['{"rules": [', 'json', 'is not valid JSON'],
    ['"rules"', 'json', 'must hold an array of rules'],
    ['{"rule": []}', 'json', 'must hold an array of rules'],
    [null, 'json', '(got null)'],
  ])('refuses %j as a whole', (input, field, problem) => {
    const problems = problemsOf(() => rulesFromJson(input));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: -1, field });
    expect(problems[0]?.message).toMatch(new RegExp(`^rulesFromJson: \`${field}\` `));
    expect(problems[0]?.message).toContain(problem);
  });

  it('refuses unknown fields of a rules object, together with the rules’ own problems', () => {
    const problems = problemsOf(() => rulesFromJson({ rules: [{ kind: 'k', action: 'drop' }], version: 2 }));
    expect(problems.map((problem) => [problem.index, problem.field])).toEqual([
      [-1, 'version'],
      [0, 'rule'],
    ]);
  });
});

describe('createClassifier and checkRules list every problem too', () => {
  const rules = [
    { kind: 'k', action: 'drop', all: [] },
    { id: 'x', kind: 'k', action: 'drop', status: 9 },
  ];

  it('throws one RuleConfigError with every problem', () => {
    for (const build of [
      () => createClassifier({ rules: rules as never }),
      () => checkRules(rules as never),
    ]) {
      expect(problemsOf(build).map((problem) => `${problem.index}:${problem.field}`)).toEqual([
        '0:all',
        '1:status',
      ]);
    }
  });
});

describe('createClassifier options', () => {
  it.each([
    [{ rules: null }, 'rules', 'must be an array of rules (got null)'],
    [{ rules: 'jwt' }, 'rules', 'must be an array of rules (got "jwt")'],
    [{ rules: { kind: 'k' } }, 'rules', 'must be an array of rules (got an object)'],
    [{ maxTextLength: 0 }, 'maxTextLength', 'must be a positive integer (got 0)'],
    [{ maxTextLength: '10' }, 'maxTextLength', 'must be a positive integer (got "10")'],
    [{ rule: [] }, 'rule', 'is not an option (known: rules, maxTextLength)'],
    [null, 'options', 'must be an object'],
  ])('refuses %j with a RuleConfigError naming the option', (options, option, problem) => {
    const problems = problemsOf(() => createClassifier(options as never));
    expect(problems).toEqual(
      [
        { index: -1, field: option, path: [option], message: `createClassifier: \`${option}\` ${problem}` },
      ].map((expected) => ({ ...expected, message: expect.stringContaining(expected.message) })),
    );
  });

  it('takes undefined rules as none, and lists several bad options at once', () => {
    expect(createClassifier({}).classify({ message: 'x' })).toBeUndefined();
    expect(createClassifier().stats.rules).toBe(0);
    expect(
      problemsOf(() => createClassifier({ rules: null, extra: 1 } as never)).map((p) => p.field),
    ).toEqual(['extra', 'rules']);
  });

  it('keeps RuleConfigError.forOption and the one-problem constructor', () => {
    const option = RuleConfigError.forOption(
      'expectedErrorsIntegration',
      'mode',
      "must be 'enforce' or 'dry-run'",
    );
    expect(option.message).toBe("expectedErrorsIntegration: `mode` must be 'enforce' or 'dry-run'");
    expect(option.problems).toEqual([{ index: -1, field: 'mode', path: ['mode'], message: option.message }]);
    const single = new RuleConfigError(2, 'r', 'all', 'must be x');
    expect(single.message).toBe('rule #2 ("r"): `all` must be x');
    expect(single.problems).toHaveLength(1);
    expect([single.ruleIndex, single.ruleId, single.field]).toEqual([2, 'r', 'all']);
  });
});

describe('rulesFromJson limits', () => {
  const rule = (index: number) => ({ id: `r${index}`, kind: 'k', action: 'drop', any: [`text ${index}`] });
  const messageOf = (build: () => unknown): string => {
    const problems = problemsOf(build);
    expect(problems).toHaveLength(1);
    return problems[0]?.message ?? '';
  };

  it('reads 10,000 rules and refuses 10,001 before validating any', () => {
    const rules = Array.from({ length: 10_000 }, (_, index) => rule(index));
    expect(rulesFromJson(JSON.stringify(rules))).toHaveLength(10_000);
    expect(messageOf(() => rulesFromJson([...rules, { broken: true }]))).toBe(
      'rulesFromJson: `json` holds 10001 rules, over the limit of 10,000 rules in a rules file',
    );
  });

  it('refuses 50,000 invalid rules with a RuleConfigError before validating any', () => {
    const invalid = Array.from({ length: 50_000 }, () => ({ kind: '', action: 'x' }));
    expect(messageOf(() => rulesFromJson(invalid))).toBe(
      'rulesFromJson: `json` holds 50000 rules, over the limit of 10,000 rules in a rules file',
    );
  });

  it('reports every problem of 10,000 invalid rules without a stack overflow, the message naming the count', () => {
    const invalid = Array.from({ length: 10_000 }, () => ({ kind: '', action: 'x', all: ['', '', ''] }));
    let caught: unknown;
    try {
      rulesFromJson(invalid);
    } catch (error) {
      caught = error;
    }
    expect(RuleConfigError.isInstance(caught)).toBe(true);
    const error = caught as RuleConfigError;
    expect(error.problems).toHaveLength(50_000);
    expect(error.message).toBe(`${error.problems[0]?.message} (and 49999 more)`);
  });

  it('refuses a string over 64 KiB anywhere in a rule, naming the rule and the limit', () => {
    const long = 'x'.repeat(64 * 1024 + 1);
    expect(rulesFromJson([{ ...rule(0), kind: 'x'.repeat(64 * 1024) }])).toHaveLength(1);
    for (const broken of [
      { ...rule(1), kind: long },
      { ...rule(1), examples: { match: [{ text: long }] } },
      { ...rule(1), [long]: 1 },
      { ...rule(1), kind: 'é'.repeat(32 * 1024 + 1) },
    ]) {
      expect(messageOf(() => rulesFromJson([rule(0), broken]))).toBe(
        'rule #1: `rule` holds a string over the 64 KiB limit of a rules file',
      );
    }
  });

  it('refuses input over 4 MiB: a text, its bytes, or parsed data', () => {
    const limit = 'rulesFromJson: `json` is over the 4 MiB limit of a rules file (4,194,304 bytes of UTF-8)';
    const padded = JSON.stringify([{ ...rule(0), description: ' '.repeat(60_000) }]);
    const large = `[${Array.from({ length: 70 }, (_, index) => JSON.stringify({ ...rule(index), description: 'd'.repeat(60_000) })).join(',')}]`;
    expect(rulesFromJson(padded)).toHaveLength(1);
    expect(messageOf(() => rulesFromJson(large))).toBe(limit);
    expect(messageOf(() => rulesFromJson(new TextEncoder().encode(large)))).toBe(limit);
    expect(messageOf(() => rulesFromJson(JSON.parse(large)))).toBe(limit);
    const wide = [{ ...rule(0), all: Array.from({ length: 5_000_000 }, () => 'a') }];
    expect(messageOf(() => rulesFromJson(wide))).toBe(limit);
    const cyclic: Record<string, unknown> = { ...rule(0) };
    cyclic.examples = { match: [cyclic] };
    expect(messageOf(() => rulesFromJson([cyclic]))).toBe(limit);
  });

  it('reads UTF-8 bytes and says so when they are not UTF-8', () => {
    const bytes = new TextEncoder().encode(JSON.stringify([rule(0)]));
    expect(rulesFromJson(bytes)).toEqual([rule(0)]);
    expect(rulesFromJson(Buffer.from(bytes))).toEqual([rule(0)]);
    expect(messageOf(() => rulesFromJson(Uint8Array.of(0x5b, 0xff, 0x5d)))).toBe(
      'rulesFromJson: `json` is not UTF-8 text (3 bytes)',
    );
  });
});
