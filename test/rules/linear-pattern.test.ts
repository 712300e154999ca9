import { describe, expect, it } from 'vitest';
import { createClassifier, RuleConfigError } from '../../src/index.js';
import { compileLinearPattern, type LinearPattern } from '../../src/rules/linear-pattern.js';

const compiled = (pattern: RegExp): LinearPattern => {
  const matcher = compileLinearPattern(pattern);
  if (typeof matcher === 'string') throw new Error(`refused: ${matcher}`);
  return matcher;
};

/** Automaton steps per character of `text`: bounded by the pattern's states, whatever the text. */
const stepsPerCharacter = (matcher: LinearPattern, text: string): number => {
  const before = matcher.steps;
  matcher.test(text);
  return (matcher.steps - before) / text.length;
};

/** Inputs that make a backtracking engine rescan: runs of a unit, then a character that fails the match. */
const PUMPS = ['a', 'aa', 'ab', 'a ', 'a,', '1', ' ', 'a.', 'abc', 'aA', 'x'];
const adversarial = (unit: string, length: number): string =>
  `${unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1)}!`;

/** Short texts where a backtracking engine is still quick: the reference the automaton must agree with. */
const SAMPLES = [
  '',
  'a',
  'aa',
  'aaa!',
  'ab',
  'abc',
  'abcbc',
  'a b',
  'a,a,x',
  '1.5',
  'aAb',
  'x',
  'yx',
  'a\nb',
  'Error: 503 x',
];

const agreesWithJavaScript = (pattern: RegExp) => {
  const matcher = compiled(pattern);
  const reference = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  for (const sample of SAMPLES)
    expect([sample, matcher.test(sample)]).toEqual([sample, reference.test(sample)]);
};

describe('compileLinearPattern', () => {
  // Catastrophic for a backtracking engine (OWASP's ReDoS examples and their relatives), polynomial ones
  // that took seconds on kilobytes, and the accepted-yet-slow shapes a ReDoS checker found in 0.2.
  const once = [
    /(a+)+$/,
    /([a-zA-Z]+)*$/,
    /(a|aa)+$/,
    /(a|a?)+$/,
    /(.*a){12}/,
    /^(\w+\s?)*$/,
    /(x+x+)+y/,
    /(\d+)*\.\d+/,
    /(.*,)*x/,
    /(\w|\d)+$/,
    /(a|A)+b/i,
    /(?:a?b?)*c/,
    /(?:\s*,)+$/,
    /failed.*retry.*timeout/i,
    /.*a.*a.*b/,
    /a*a*b/,
    /\w+_?\w+@/,
    /\s*\s*$/,
    /a{0,30}a{0,30}b/,
    /.*x/,
    /\s+x/,
    /[^"]*"/,
    /^(?:(?:a|ab)(?:c|bc))+$/,
    new RegExp(`${'a?'.repeat(30)}${'a'.repeat(30)}`),
    /(?<=status:\s*)5\d\d/,
    /[\u00c0-\u024f]+x/iu,
    /^(?=.*a)(?=.*b).*c/,
  ];

  it.each(once.map((pattern) => [pattern]))(
    'matches %s as JavaScript does, reading each character once',
    (pattern) => {
      agreesWithJavaScript(pattern);
      const matcher = compiled(pattern);
      for (const unit of PUMPS) {
        expect(stepsPerCharacter(matcher, adversarial(unit, 8_192))).toBeLessThanOrEqual(matcher.states + 1);
      }
    },
  );

  it('costs the same per character on 8 KiB as on 1 KiB of its worst input (no caching helps it)', () => {
    // Its cached automaton would need 2^41 sets: every character is read by the automaton alone.
    const matcher = compiled(/(?:a|b)*a(?:a|b){40}x/);
    let seed = 7;
    const letter = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 16) % 2 === 0 ? 'a' : 'b';
    };
    const text = (length: number) => Array.from({ length }, letter).join('');
    const small = stepsPerCharacter(compiled(/(?:a|b)*a(?:a|b){40}x/), text(1_024));
    const large = stepsPerCharacter(matcher, text(8_192));
    expect(large).toBeGreaterThan(20); // the cache did not hide the work
    expect(large).toBeLessThanOrEqual(matcher.states + 1);
    expect(large / small).toBeLessThan(1.25);
  });

  it.each([
    [/(?<=status:\s*)5\d\d/, ['status: 503', 'status:503', 'code 503', 'status: 5x3']],
    [/x(?=y)/, ['xy', 'x', 'yx', 'axyb']],
    [/^(?=.*a)(?=.*b).*c/, ['abc', 'bac', 'ac', 'cab', 'x\nabc', 'ab\nc']],
    [/^(?=\w+@)\S+$/, ['a@b', '@b', 'a b@c']],
  ])('tests %s as JavaScript does where lookaround is written as plain text', (pattern, texts) => {
    const matcher = compiled(pattern);
    for (const text of texts) expect([text, matcher.test(text)]).toEqual([text, pattern.test(text)]);
  });

  it.each([
    [/(a)\1/, 'has a backreference'],
    [/(?<word>a)\k<word>/, 'has a backreference'],
    [/(a)\1/u, 'has a backreference'],
    [/a(?!b)/, 'has a lookaround'],
    [/(?<!a)b/, 'has a lookaround'],
    [/a(?<=a)b/, 'has a lookaround'],
    [/(?=.*a)(?=.*b).*c/, 'has a lookaround'],
    [/^(?=a)b/m, 'has a lookaround'],
    [/(?:(?=a))+/, 'has a lookaround'],
    // biome-ignore lint/complexity/useRegexLiterals: the `v` flag is newer than the TypeScript target
    [new RegExp('[\\q{abc}]', 'v'), 'matches strings, not one character'],
    // biome-ignore lint/complexity/useRegexLiterals: the `v` flag is newer than the TypeScript target
    [new RegExp('\\p{RGI_Emoji}', 'v'), 'a property of strings'],
    [/a{129}/, 'needs more than 128 automaton states'],
    [/(?:[ab]{1,31}){1,15}x/, 'needs more than 128 automaton states'],
    // biome-ignore lint/complexity/useRegexLiterals: TypeScript refuses an octal escape in a literal
    [new RegExp('\\01'), 'legacy octal escape'],
  ])('refuses %s with the reason (%s)', (pattern, reason) => {
    const refusal = compileLinearPattern(pattern);
    expect(typeof refusal).toBe('string');
    expect(refusal).toContain(reason);
    expect(refusal).toContain(String(pattern));
  });

  it('accepts the linear patterns a shape check refused', () => {
    for (const pattern of [
      /\b\w+Error\b/,
      /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/,
      /^(\w+)(\s\w+)*$/,
      /^Error: .*timeout.*$/,
      /\S+ in \d+/,
      /^a|b*c/,
    ]) {
      agreesWithJavaScript(pattern);
    }
  });

  it('means what JavaScript means under every flag', () => {
    const texts = [
      'K',
      'k',
      '\u212a', // KELVIN SIGN: folds to k with `iu`
      'ſ', // LONG S: a word character with `iu`
      'é',
      'É',
      '😀',
      '\ud83d', // a lone surrogate
      'a\ud83d',
      'a\nb',
      'a\rb',
      'a\u2028b',
      'ab',
      'AB',
      '',
    ];
    const sources = [
      'k',
      '^b',
      'a$',
      '.',
      '^.$',
      '\\w',
      '\\bk',
      'é',
      '[^a]',
      '\\s',
      'a.b',
      '\\ud83d',
      '\\B',
      '[\\w\\-]',
    ];
    const flagSets = ['', 'i', 's', 'm', 'is', 'im', 'sm', 'ism', 'g', 'y', 'd', 'gyd'];
    for (const unicode of ['', 'u', 'v']) {
      for (const flags of flagSets) {
        for (const source of sources) {
          const pattern = new RegExp(source, flags + unicode);
          const reference = new RegExp(source, (flags + unicode).replace(/[gy]/g, ''));
          const matcher = compiled(pattern);
          for (const text of texts) {
            expect([String(pattern), text, matcher.test(text)]).toEqual([
              String(pattern),
              text,
              reference.test(text),
            ]);
          }
        }
      }
    }
  });

  it('reads astral characters as one character with `u`, as two without', () => {
    expect(compiled(/^.$/u).test('😀')).toBe(true);
    expect(compiled(/^.$/).test('😀')).toBe(false);
    expect(compiled(/^..$/).test('😀')).toBe(true);
    expect(compiled(/^[😀]$/u).test('😀')).toBe(true);
    expect(compiled(/^\u{1F600}$/u).test('😀')).toBe(true);
    expect(compiled(/^\ud83d\ude00$/u).test('😀')).toBe(true);
  });
});

describe('rules with a `pattern`', () => {
  const build = (pattern: RegExp) =>
    createClassifier({ rules: [{ id: 'p', kind: 'k', action: 'drop', pattern }] });

  it('are refused at construction when no automaton can match the pattern, naming the rule', () => {
    expect(() => build(/(a)\1/)).toThrow(RuleConfigError);
    expect(() => build(/(a)\1/)).toThrow(/rule #0 \("p"\): `pattern` has a backreference/);
  });

  it('answer the same way every time, whatever the RegExp lastIndex or its `g` and `y` flags', () => {
    const pattern = /boom/gy;
    pattern.lastIndex = 3;
    const classifier = build(pattern);
    for (let round = 0; round < 3; round++)
      expect(classifier.classify({ message: 'a boom' })?.rule).toBe('p');
  });

  it('refuses a pattern longer than 2000 characters', () => {
    expect(() => build(new RegExp('a'.repeat(2_001)))).toThrow(/longer than 2000/);
  });
});

describe('pattern window', () => {
  it('lets a pattern see the first 8,192 code units of an event text, and no more', () => {
    const classifier = createClassifier({
      rules: [{ id: 'p', kind: 'k', action: 'drop', pattern: /needle/ }],
    });
    const at = (offset: number) => ({ message: `${'·'.repeat(offset)}needle` });
    expect(classifier.classify(at(8_192 - 6))?.rule).toBe('p');
    expect(classifier.classify(at(8_192 - 5))).toBeUndefined();
    // Substring conditions are not capped: they scan up to `maxTextLength`.
    const substring = createClassifier({ rules: [{ id: 's', kind: 'k', action: 'drop', all: ['needle'] }] });
    expect(substring.classify(at(100_000))?.rule).toBe('s');
  });

  it('counts every field against one window: 100 exception values cost what one does', () => {
    const classifier = createClassifier({
      rules: [{ id: 'p', kind: 'k', action: 'drop', pattern: /^Error: needle/ }],
    });
    const early = {
      message: '·'.repeat(4_000),
      exception: { values: [{ type: 'Error', value: `needle ${'·'.repeat(20_000)}` }] },
    };
    expect(classifier.classify(early)?.rule).toBe('p');
    const late = {
      exception: {
        values: [
          ...Array.from({ length: 100 }, () => ({ type: 'Error', value: '·'.repeat(1_000) })),
          { type: 'Error', value: 'needle' },
        ],
      },
    };
    expect(classifier.classify(late)).toBeUndefined();
  });
});

describe('the literals a pattern requires (the engine triggers its rule on them)', () => {
  const requiredOf = (pattern: RegExp) => (compileLinearPattern(pattern) as LinearPattern).required;

  it.each([
    [/^Error: Unauthorized$/, ['Error: Unauthorized']],
    [/^HttpError: (?:Server Error|Bad Gateway)$/, ['HttpError: ']],
    [
      /^Error: (?:Rate Limit Exceeded|User Rate Limit Exceeded)/,
      ['Rate Limit Exceeded', 'User Rate Limit Exceeded'],
    ],
    [/^[A-Za-z]{0,40}Error: (?:408|429|5\d\d) /, ['Error: ']],
    [/status:\s*5\d\d/, ['status:']],
    [/(?:abc)+x/, ['abc']],
    [/[a-z]+Error/, ['Error']],
    [/https?:\/\/api\.example\.com/, ['://api.example.com']],
    [/😀 boom/u, ['😀 boom']],
  ])('%s requires %j', (pattern, literals) => {
    expect(requiredOf(pattern)).toEqual(literals);
  });

  it.each([/[a-z]+\d/, /a|bc/, /(?:abc)?x/, /Error: x/i, /\w+\s\d/, /a.b/])('%s requires none', (pattern) => {
    expect(requiredOf(pattern)).toBeUndefined();
  });

  it('decides a rule on them with the index as without it', () => {
    const rules = [{ id: 'p', kind: 'k', action: 'drop' as const, pattern: /^Error: (?:Gone|Lost) \d+$/ }];
    const event = (value: string) => ({ exception: { values: [{ type: 'Error', value }] } });
    const indexed = createClassifier({
      rules: [
        ...rules,
        ...Array.from({ length: 40 }, (_, index) => ({
          kind: 'x',
          action: 'drop' as const,
          any: [`filler ${index}`],
        })),
      ],
    });
    const small = createClassifier({ rules });
    for (const [value, decided] of [
      ['Gone 12', 'p'],
      ['Lost 7', 'p'],
      ['Gone', undefined],
      ['gone 12', undefined],
    ] as const) {
      expect(indexed.classify(event(value))?.rule, value).toBe(decided);
      expect(small.classify(event(value))?.rule, value).toBe(decided);
    }
  });
});
