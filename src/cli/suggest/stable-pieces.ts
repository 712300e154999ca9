import { redactSecrets } from '../../redact/index.js';
import { parameterize } from '../../redact/parameterize.js';
import type { Sample } from './sample.js';

/** Placeholders `parameterize` writes, and the mark `redactSecrets` leaves: never part of a piece. */
const VARIABLE =
  /<(?:email|url|ip|hostname|uuid|sha1|md5|date|duration|hex|float|int|quoted_str|bool)>|\[redacted\]/;
/** A piece shorter than this, or without a letter, claims too much to be worth a condition. */
const MIN_PIECE_LENGTH = 4;
/** Samples read to find what a cluster's texts have in common (the rest are checked by the matcher). */
const MAX_SAMPLES_READ = 24;
/** Characters of a text read for raw common substrings. */
const MAX_RAW_LENGTH = 512;

/** The template of a text, as Sentry's grouping titles it (secrets redacted first). */
export function templateOf(text: string): string {
  return parameterize(redactSecrets(text));
}

/**
 * The constant parts of a text: its template cut at every placeholder, each trimmed, kept when it is a
 * substring of the raw text (it is, unless redaction changed its surroundings) and long enough.
 */
export function constantPieces(text: string): string[] {
  return templateOf(text)
    .split(VARIABLE)
    .map((piece) => piece.trim())
    .filter((piece) => isUseful(piece) && text.includes(piece));
}

/**
 * The constant pieces that every sample of a cluster holds (in one of its fields), longest first:
 * what stays when the e-mails, ids and numbers change.
 */
export function commonPieces(samples: readonly Sample[]): string[] {
  const [first] = samples;
  if (first === undefined) return [];
  const pieces = new Set(first.fields.flatMap(constantPieces));
  return [...pieces].filter((piece) => heldByAll(samples, piece)).sort(byLengthDescending);
}

/**
 * The longest substrings of the first sample's headline that every sample holds, whatever the template
 * says: what two samples that differ show is constant (a status inside a message). Only meaningful when
 * the samples differ somewhere; secrets are never offered (a substring redaction changes is left out).
 */
export function commonRawSubstrings(samples: readonly Sample[]): string[] {
  const read = samples.slice(0, MAX_SAMPLES_READ);
  const first = read[0]?.headline.slice(0, MAX_RAW_LENGTH);
  if (first === undefined || read.every((sample) => sample.headline === read[0]?.headline)) return [];
  const found: string[] = [];
  let reach = 0;
  for (let start = 0; start < first.length; start++) {
    let end = Math.max(start, reach);
    while (end < first.length && heldByAll(read, first.slice(start, end + 1))) end++;
    if (end > reach) {
      const piece = first.slice(start, end).trim();
      if (isUseful(piece) && redactSecrets(piece) === piece && heldByAll(samples, piece)) found.push(piece);
      reach = end;
    }
  }
  return found.sort(byLengthDescending);
}

function heldByAll(samples: readonly Sample[], piece: string): boolean {
  return samples.every((sample) => sample.fields.some((field) => field.includes(piece)));
}

function isUseful(piece: string): boolean {
  return piece.length >= MIN_PIECE_LENGTH && /\p{L}/u.test(piece);
}

function byLengthDescending(left: string, right: string): number {
  return right.length - left.length;
}
