import type { SuggestResult } from './suggest.js';

/** The `--json` report: `{ candidates: [{ rule, events, issues, share, counterExamplesClaimed }], covered, … }`. */
export function suggestJson(result: SuggestResult): string {
  return JSON.stringify(result, null, 2);
}

/** The report as a table: one row per candidate, then the covered and conflicting clusters. */
export function formatSuggestReport(result: SuggestResult, minEvents: number): string {
  const lines: string[] = [];
  const { candidates } = result;
  const width = Math.max(9, ...candidates.map((candidate) => (candidate.rule.id ?? '').length));
  lines.push(
    `${'candidate'.padEnd(width)}  ${'events'.padStart(8)}  ${'issues'.padStart(6)}  ${'share'.padStart(6)}  counter-examples claimed`,
  );
  for (const candidate of candidates) {
    lines.push(
      `${(candidate.rule.id ?? '').padEnd(width)}  ${String(candidate.events).padStart(8)}  ${String(candidate.issues).padStart(6)}  ${percent(candidate.share).padStart(6)}  ${candidate.counterExamplesClaimed}`,
    );
    lines.push(`${' '.repeat(width)}  all: ${JSON.stringify(candidate.rule.all)}${facts(candidate.rule)}`);
  }
  if (candidates.length === 0) lines.push('(no candidate)');
  const claimed = candidates.reduce((sum, candidate) => sum + candidate.events, 0);
  lines.push(
    '',
    `${candidates.length} candidates claim ${claimed} of ${result.events} events (${percent(result.events > 0 ? claimed / result.events : 0)})${result.triaged ? '' : '; no triage found (no archived issue, no dry-run tag): every cluster is offered, ranked by volume'}.`,
  );
  for (const covered of result.covered) {
    lines.push(
      `covered by ${covered.rule}: ${covered.events} events, ${covered.issues} issues: ${covered.template}`,
    );
  }
  for (const conflict of result.conflicts) {
    lines.push(
      `not offered (counter-examples hold every stable substring): ${conflict.events} events: ${conflict.template}`,
    );
  }
  if (result.belowMinEvents > 0)
    lines.push(`${result.belowMinEvents} clusters below --min-events ${minEvents}: not offered.`);
  return lines.join('\n');
}

/** The ES module `--out` writes: `export const rules = [...]`, ready for `check` and `replay`. */
export function rulesModule(result: SuggestResult, source: string): string {
  const rules = result.candidates.map((candidate) => candidate.rule);
  return `// Suggested by \`sentry-expected-errors suggest ${source}\`: review each rule before it ships.
// Each demotes to a breadcrumb what the team already treats as expected; run \`check\` and \`replay\` on it.
export const rules = ${JSON.stringify(rules, null, 2)};
`;
}

function facts(rule: { readonly exceptionType?: unknown; readonly status?: unknown }): string {
  const parts = [
    rule.exceptionType === undefined ? '' : ` exceptionType: ${String(rule.exceptionType)}`,
    rule.status === undefined ? '' : ` status: ${String(rule.status)}`,
  ];
  return parts.join('');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
