/**
 * Replaces the variable parts of a message with placeholders, the way Sentry's grouping does before it
 * titles an issue (getsentry/sentry `src/sentry/grouping/parameterization.py`: e-mail, URL, host name, IP,
 * UUID, SHA-1/MD5, dates, durations, hex, floats, ints, `=`-quoted values and booleans), so that two
 * messages that differ only by a user, an id or a number read the same: `<email>`, `<url>`, `<hostname>`,
 * `<ip>`, `<uuid>`, `<sha1>`, `<md5>`, `<date>`, `<duration>`, `<hex>`, `<float>`, `<int>`, `<quoted_str>`,
 * `<bool>`. A subset written for JavaScript's engine, with no nested repetition; a run without the `@` or
 * the dot a shape needs is still tried from each of its positions, so only the first
 * `MAX_PARAMETERIZED_LENGTH` characters are read (summaries and titles are far shorter).
 */
export function parameterize(text: string): string {
  return text.slice(0, MAX_PARAMETERIZED_LENGTH).replace(PARAMETERS, (match, ...groups: unknown[]) => {
    const named = groups.at(-1) as Record<string, string | undefined>;
    for (const name of NAMES) {
      if (named[name] !== undefined) return name === 'quoted' ? '<quoted_str>' : `<${name}>`;
    }
    return match;
  });
}

/** How much of a text `parameterize` reads. */
export const MAX_PARAMETERIZED_LENGTH = 2_048;

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const TLD =
  'com|net|org|io|dev|app|ai|co|uk|de|fr|jp|ru|br|it|es|nl|eu|ch|se|no|fi|dk|pl|cz|at|be|ca|au|nz|in|cn|kr|tw|hk|sg|us|gov|edu|info|biz|me|tv|cloud|site|online|xyz|internal|local';
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/** Alternatives in Sentry's order: the first that matches at a position wins. */
const ALTERNATIVES: ReadonlyArray<readonly [name: string, source: string]> = [
  // The look-behind starts a local part only where its run starts: a run with no `@` is read once.
  ['email', "(?<![\\w.!#$%&'*+/=?^`{|}~-])[\\w.!#$%&'*+/=?^`{|}~-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*"],
  ['url', '\\b(?:wss?|https?|ftp)://[^\\s/$.?#][^\\s]*'],
  ['ip', `\\b(?:${OCTET}\\.){3}${OCTET}\\b|(?<![\\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\\w:])`],
  ['hostname', `\\b(?:[a-zA-Z0-9-]{1,63}\\.)+(?:${TLD})\\b`],
  ['uuid', '\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b'],
  ['sha1', '\\b[0-9a-fA-F]{40}\\b'],
  ['md5', '\\b[0-9a-fA-F]{32}\\b'],
  [
    'date',
    `\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?|\\d{4}-[01]\\d-[0-3]\\d|${DAY},? \\d{1,2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2}(?: GMT| [+-]\\d{4})?|(?<![\\d:])(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?![\\d:])`,
  ],
  ['duration', '\\b\\d+(?:\\.\\d+)?(?:ms|s)\\b'],
  ['hex', '\\b0[xX][0-9a-fA-F]+\\b|\\b(?=[a-f]*\\d)[0-9a-f]{8,128}\\b|\\b(?=[A-F]*\\d)[0-9A-F]{8,128}\\b'],
  ['float', '-?\\b\\d+\\.\\d+\\b'],
  ['int', '(?:\\b|(?<!\\w)-)\\d{1,7}\\b'],
  ['quoted', `(?<==)(?:'[^']+'|"[^"]+")`],
  ['bool', '(?<==)(?:[Tt]rue|[Ff]alse)\\b'],
];

const NAMES = ALTERNATIVES.map(([name]) => name);
const PARAMETERS = new RegExp(ALTERNATIVES.map(([name, source]) => `(?<${name}>${source})`).join('|'), 'g');
