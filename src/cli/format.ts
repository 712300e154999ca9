import type { RuleCheckReport } from '../rules/check.js';
import type { CorpusRecordOf } from './corpus.js';
import type { ExpectationMismatch } from './expectations.js';
import type { ReplaySurge } from './replay-surges.js';
import type { ReplayedEvent, ReplaySummary } from './replay-totals.js';

/** Column widths of the replay table, fixed before the first row so rows can stream. */
export interface TableLayout {
  readonly index: number;
  readonly kind: number;
  readonly rule: number;
  readonly summary: number;
}

const OUTCOME_WIDTH = 'pass (sampled)'.length;
const EVENT_ID_WIDTH = 8;
const MAX_NAME_WIDTH = 32;
const MIN_SUMMARY_WIDTH = 24;
const PIPED_SUMMARY_WIDTH = 100;
const GAP = '  ';

/**
 * Widths from what can appear: kinds and rule ids come from the rules, so they are known up front; the
 * summary gets what is left of the terminal's `columns` (`undefined` when not a terminal: 100 characters).
 */
export function tableLayout(
  rules: ReadonlyArray<{ kind: string; id: string }>,
  columns: number | undefined,
): TableLayout {
  const longest = (values: readonly string[], floor: number) =>
    Math.min(MAX_NAME_WIDTH, Math.max(floor, ...values.map((value) => value.length)));
  const index = 5;
  const kind = longest(
    rules.map((rule) => rule.kind),
    'kind'.length,
  );
  const rule = longest(
    rules.map((rule) => rule.id),
    'rule'.length,
  );
  const used = 2 + index + OUTCOME_WIDTH + kind + rule + EVENT_ID_WIDTH + GAP.length * 5;
  const summary = columns === undefined ? PIPED_SUMMARY_WIDTH : Math.max(MIN_SUMMARY_WIDTH, columns - used);
  return { index, kind, rule, summary };
}

/** The table's header line. */
export function formatTableHeader(layout: TableLayout): string {
  return row(layout, '#', 'outcome', 'kind', 'rule', 'event', 'summary');
}

/** One event's row. The summary is already redacted; it is only cut to fit. */
export function formatEventRow(event: ReplayedEvent, layout: TableLayout): string {
  return row(
    layout,
    String(event.index),
    event.reason === undefined ? event.outcome : `${event.outcome} (${event.reason})`,
    event.kind ?? '-',
    event.rule ?? '-',
    event.eventId?.slice(0, EVENT_ID_WIDTH) ?? '-',
    event.summary,
  );
}

function row(
  layout: TableLayout,
  index: string,
  outcome: string,
  kind: string,
  rule: string,
  eventId: string,
  summary: string,
): string {
  return [
    `  ${index.padStart(layout.index)}`,
    outcome.padEnd(OUTCOME_WIDTH),
    cutAndPad(kind, layout.kind),
    cutAndPad(rule, layout.rule),
    eventId.padEnd(EVENT_ID_WIDTH),
    cut(summary, layout.summary),
  ]
    .join(GAP)
    .trimEnd();
}

/** Totals: events per outcome, and the share of volume that would no longer page, overall and per kind. */
export function formatTotals(summary: ReplaySummary): string {
  const lines: string[] = [];
  const extras = [
    summary.broken > 0 ? `${summary.broken} broken ${plural(summary.broken, 'record')} skipped` : '',
    summary.skippedFiles > 0
      ? `${summary.skippedFiles} ${plural(summary.skippedFiles, 'file')} skipped as not events`
      : '',
  ].filter(Boolean);
  lines.push(
    `${summary.events} ${plural(summary.events, 'event')} in ${summary.files} ${plural(summary.files, 'file')}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`,
  );
  for (const outcome of ['pass', 'drop', 'breadcrumb'] as const) {
    const count = summary.outcomes[outcome];
    lines.push(
      `  ${outcome.padEnd(OUTCOME_WIDTH)}  ${String(count).padStart(6)}  ${percent(count / Math.max(1, summary.events))}`,
    );
  }
  lines.push(
    `Would no longer page: ${summary.noLongerPaging} of ${summary.events} ${plural(summary.events, 'event')} (${percent(summary.noLongerPagingShare).trim()})`,
  );
  if (summary.kinds.length > 0 || summary.unmatched > 0) {
    const width = Math.max(
      'kind'.length,
      ...summary.kinds.map((kind) => kind.kind.length),
      '(no rule)'.length,
    );
    lines.push('', `  ${'kind'.padEnd(width)}  events  no longer paging  share of volume`);
    for (const kind of summary.kinds) {
      lines.push(
        `  ${kind.kind.padEnd(width)}  ${String(kind.events).padStart(6)}  ${String(kind.noLongerPaging).padStart(16)}  ${percent(kind.share).padStart(15)}`,
      );
    }
    if (summary.unmatched > 0) {
      lines.push(
        `  ${'(no rule)'.padEnd(width)}  ${String(summary.unmatched).padStart(6)}  ${'0'.padStart(16)}  ${percent(0).padStart(15)}`,
      );
    }
  }
  if (summary.rules.length > 0) {
    const width = Math.max('rule'.length, ...summary.rules.map((rule) => rule.rule.length));
    lines.push('', `  ${'rule'.padEnd(width)}  events    drop  breadcrumb    pass  share of volume`);
    for (const rule of summary.rules) {
      lines.push(
        `  ${rule.rule.padEnd(width)}  ${String(rule.events).padStart(6)}  ${String(rule.drop).padStart(6)}  ${String(rule.breadcrumb).padStart(10)}  ${String(rule.pass).padStart(6)}  ${percent(rule.share).padStart(15)}`,
      );
    }
  }
  return lines.join('\n');
}

/**
 * The surges the integration would have sent, one line each, under a heading that says what a surge is
 * (`false` settings: surges were not asked for).
 */
export function formatSurges(
  surges: readonly ReplaySurge[],
  settings: { readonly threshold: number; readonly windowMs?: number } | false,
): string {
  if (!settings) return 'Surges: not worked out (--surge off)';
  const rule = `more than ${settings.threshold} drops and demotions of one kind within ${formatWindow(settings.windowMs ?? 60_000)}`;
  if (surges.length === 0) return `Surges: none (${rule})`;
  const width = Math.max(...surges.map((surge) => surge.kind.length));
  return [
    `Surges the integration would have sent (${rule}): ${surges.length}`,
    ...surges.map((surge) => {
      const rules = Object.entries(surge.rules)
        .sort((left, right) => right[1] - left[1])
        .map(([id, count]) => `${id} ${count}`)
        .join(', ');
      return `  ${surge.kind.padEnd(width)}  ${surge.at}  ${surge.count} events since ${surge.from}  (${rules})`;
    }),
  ].join('\n');
}

function formatWindow(milliseconds: number): string {
  if (milliseconds % 3_600_000 === 0) return `${milliseconds / 3_600_000} h`;
  if (milliseconds % 60_000 === 0 && milliseconds >= 60_000) return `${milliseconds / 60_000} min`;
  if (milliseconds % 1_000 === 0) return `${milliseconds / 1_000} s`;
  return `${milliseconds} ms`;
}

/** The mismatches of `--expect`, one per line under a heading. */
export function formatMismatches(mismatches: readonly ExpectationMismatch[], expectPath: string): string {
  return [
    `${mismatches.length} ${plural(mismatches.length, 'mismatch', 'mismatches')} against ${expectPath}:`,
    ...mismatches.map((mismatch) => `  ${mismatch.message}`),
  ].join('\n');
}

/** A broken record, as a stderr line. */
export function formatBroken(record: CorpusRecordOf<'broken'>): string {
  const where = record.line === undefined ? record.source.path : `${record.source.path}:${record.line}`;
  return `warning: ${where}: skipped: ${record.problem}`;
}

/** A file left out of a directory walk, as a stderr line. */
export function formatSkipped(record: CorpusRecordOf<'skipped'>): string {
  return `note: ${record.source.path}: not read as events (${record.reason})`;
}

/** The report of `check`: one line per problem, grouped under a heading. */
export function formatCheckReport(report: RuleCheckReport, rulesPath: string): string {
  const counts = `${report.rules} ${plural(report.rules, 'rule')}, ${report.examples} ${plural(report.examples, 'example')}`;
  if (report.ok) return `${rulesPath}: ${counts}, no problems`;
  const width = Math.max(...report.problems.map((problem) => problem.code.length));
  return [
    `${rulesPath}: ${counts}, ${report.problems.length} ${plural(report.problems.length, 'problem')}:`,
    ...report.problems.map((problem) => `  ${problem.code.padEnd(width)}  ${problem.message}`),
  ].join('\n');
}

function cutAndPad(text: string, width: number): string {
  return cut(text, width).padEnd(width);
}

/** Cuts to `width` code points, marking the cut with an ellipsis. */
function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  const codePoints = Array.from(text);
  return codePoints.length <= width ? text : `${codePoints.slice(0, width - 1).join('')}…`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`.padStart(6);
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}
