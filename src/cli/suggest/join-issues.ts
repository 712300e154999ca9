import type { Sample } from './sample.js';

/**
 * Joins events with the issues they belong to, when both are in the input (an issues list next to its
 * events): an event takes its issue's triage (archived means expected), and an issue whose events are
 * there is not counted again by its `count`. Issues without events, and events without a known issue,
 * stay as they are.
 */
export function joinIssues(samples: readonly Sample[], issues: ReadonlySet<Sample>): Sample[] {
  const archived = new Map<string, boolean>();
  for (const sample of issues) if (sample.issue !== undefined) archived.set(sample.issue, sample.expected);
  const withEvents = new Set<string>();
  const joined: Sample[] = [];
  for (const sample of samples) {
    if (issues.has(sample)) continue;
    const expected = sample.issue === undefined ? undefined : archived.get(sample.issue);
    if (expected === undefined) joined.push(sample);
    else {
      withEvents.add(sample.issue as string);
      joined.push(expected && !sample.expected ? { ...sample, expected } : sample);
    }
  }
  for (const sample of issues) if (!withEvents.has(sample.issue ?? '')) joined.push(sample);
  return joined;
}
