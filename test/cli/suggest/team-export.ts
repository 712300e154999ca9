import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type JsonObject, toSdkEvent } from '../../../src/cli/recorded-event.js';
import { eventHeadline } from '../../../src/event/facts.js';
import { seededRandom as seeded } from '../../helpers/seeded-random.js';

/** A recorded case: an event and whether the project's rules demote it (an expected state). */
interface Case {
  readonly name: string;
  readonly event: JsonObject;
  readonly expected: boolean;
}

/** A team's export made from the recorded corpora: Sentry issues (archived = expected) and their events. */
export interface TeamExport {
  /** One issue per case, as Sentry's API serializes it; archived when the case is an expected state. */
  readonly issues: JsonObject[];
  /** The first half of each case's variants, each carrying its issue's `groupID`. */
  readonly events: JsonObject[];
  /** The other half, never shown to `suggest`. */
  readonly heldBack: Array<{ readonly event: JsonObject; readonly expected: boolean; readonly name: string }>;
}

const CORPORA = ['test/fixtures/recorded', 'test/fixtures/libraries/events'] as const;

/** The recorded cases, with their expected outcome from `expected.json` (anything but `pass` is expected). */
export function recordedCases(root: string): Case[] {
  return CORPORA.flatMap((directory) => {
    const expectedFile = directory.endsWith('events')
      ? join(root, directory, '..', 'expected.json')
      : join(root, directory, 'expected.json');
    const outcomes = new Map(
      (JSON.parse(readFileSync(expectedFile, 'utf8')) as Array<{ file: string; outcome: string }>).map(
        (entry) => [entry.file, entry.outcome],
      ),
    );
    return readdirSync(join(root, directory))
      .filter((file) => outcomes.has(file))
      .map((file) => ({
        name: `${directory}/${file}`,
        event: toSdkEvent(JSON.parse(readFileSync(join(root, directory, file), 'utf8')) as JsonObject),
        expected: outcomes.get(file) !== 'pass',
      }));
  });
}

/** Builds the export: `variants` variants per case (other e-mails, ids, ports, numbers, timestamps), halves split by parity. */
export function teamExport(cases: readonly Case[], variants: number, seed = 1): TeamExport {
  const random = seeded(seed);
  const issues: JsonObject[] = [];
  const events: JsonObject[] = [];
  const heldBack: TeamExport['heldBack'] = [];
  cases.forEach((recorded, index) => {
    const id = String(4_000_000 + index);
    const made = Array.from({ length: variants }, () => variantOf(recorded.event, random));
    const train = made.filter((_, position) => position % 2 === 0);
    for (const event of train) events.push({ ...event, groupID: id });
    for (const event of made.filter((_, position) => position % 2 === 1))
      heldBack.push({ event, expected: recorded.expected, name: recorded.name });
    issues.push(issueOf(id, train[0] ?? recorded.event, train.length, recorded.expected));
  });
  return { issues, events, heldBack };
}

function issueOf(id: string, event: JsonObject, count: number, archived: boolean): JsonObject {
  const headline = eventHeadline(event) ?? '';
  const separator = headline.indexOf(': ');
  const values = (event.exception as { values?: Array<{ type?: string; value?: string }> } | undefined)
    ?.values;
  const outer = values?.at(-1);
  return {
    id,
    shortId: `APP-${id}`,
    title: headline.slice(0, 200),
    culprit: 'app',
    level: 'error',
    status: archived ? 'ignored' : 'unresolved',
    substatus: archived ? 'archived_forever' : 'ongoing',
    count: String(count),
    userCount: count,
    metadata:
      outer?.type !== undefined
        ? { type: outer.type, value: outer.value ?? '' }
        : { title: separator > 0 ? headline : headline },
  };
}

/** A copy of the event whose texts have other e-mails, ids, ports, numbers and timestamps (a 3-digit status stays). */
function variantOf(event: JsonObject, random: () => number): JsonObject {
  const vary = (text: string) => varyText(text, random);
  const copy = JSON.parse(JSON.stringify(event)) as JsonObject;
  const values = (copy.exception as { values?: Array<{ value?: unknown }> } | undefined)?.values ?? [];
  for (const value of values) if (typeof value.value === 'string') value.value = vary(value.value);
  if (typeof copy.message === 'string') copy.message = vary(copy.message);
  for (const key of ['message', 'logentry'] as const) {
    const entry = copy[key];
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    if (typeof record.formatted === 'string') record.formatted = vary(record.formatted);
    if (Array.isArray(record.params))
      record.params = record.params.map((param) => (typeof param === 'string' ? vary(param) : param));
  }
  return { ...copy, event_id: Array.from({ length: 32 }, () => hexDigit(random)).join('') };
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const HEX = /\b(?=[a-f]*\d)[0-9a-f]{8,}\b/g;
const NUMBER = /\b\d+\b/g;

function varyText(text: string, random: () => number): string {
  return text
    .replace(EMAIL, () => `user${Math.floor(random() * 1e5)}@example${Math.floor(random() * 10)}.com`)
    .replace(UUID, (uuid) => uuid.replace(/[0-9a-f]/gi, () => hexDigit(random)))
    .replace(HEX, (hex) => hex.replace(/./g, () => hexDigit(random)))
    .replace(NUMBER, (digits) => (/^[1-5]\d\d$/.test(digits) ? digits : otherNumber(digits, random)));
}

function otherNumber(digits: string, random: () => number): string {
  const first = digits.length === 1 ? Math.floor(random() * 10) : 1 + Math.floor(random() * 9);
  return `${first}${Array.from({ length: digits.length - 1 }, () => Math.floor(random() * 10)).join('')}`;
}

function hexDigit(random: () => number): string {
  return Math.floor(random() * 16).toString(16);
}
