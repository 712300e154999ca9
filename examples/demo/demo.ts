import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DecisionStats } from 'sentry-expected-errors';
import { type StreamedEnvelope, startSpotlight } from './spotlight.js';

/** What the app reports for one error it captured. */
export interface ScenarioReport {
  readonly scenario: string;
  readonly eventId: string;
  readonly outcome: 'sent' | 'breadcrumb' | 'dropped';
  readonly kind?: string;
  readonly rule?: string;
}

/** What the app reports for its burst of expired sessions: the surge events it saw sent. */
export interface BurstReport {
  readonly burst: string;
  readonly count: number;
  readonly threshold: number;
  readonly surgeIds: readonly string[];
}

/** What the app reports last: `getStats()` of its integration. */
export interface StatsReport {
  readonly stats: DecisionStats;
}

/** An error event as Spotlight received it. */
export interface ReceivedEvent {
  readonly event_id: string;
  readonly level?: string;
  readonly message?: string;
  readonly fingerprint?: string[];
  readonly tags?: Record<string, string>;
  readonly contexts?: {
    readonly expected_error_surge?: {
      kind: string;
      count: number;
      threshold: number;
      windowMs: number;
      rules: Record<string, number>;
      examples?: string[];
    };
  };
  readonly exception?: { values?: Array<{ type?: string; value?: string }> };
  readonly breadcrumbs?: Array<{
    category?: string;
    level?: string;
    message?: string;
    data?: Record<string, unknown>;
  }>;
}

/** The outcome of a demo run. */
export interface DemoResult {
  readonly spotlightUrl: string;
  readonly scenarios: readonly ScenarioReport[];
  readonly burst: BurstReport | undefined;
  readonly stats: DecisionStats | undefined;
  /** Every envelope Spotlight received from the app. */
  readonly received: readonly StreamedEnvelope[];
}

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const APP = fileURLToPath(new URL('./app.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../tsconfig.json', import.meta.url));

/**
 * Starts a Spotlight sidecar, runs the demo app against it, reads back what Spotlight received, and
 * stops the sidecar (whatever happens).
 */
export async function runDemo(): Promise<DemoResult> {
  const spotlight = await startSpotlight();
  try {
    const reports = await runApp(spotlight.dsn);
    return {
      spotlightUrl: spotlight.url,
      scenarios: reports.filter((report): report is ScenarioReport => 'scenario' in report),
      burst: reports.find((report): report is BurstReport => 'burst' in report),
      stats: reports.find((report): report is StatsReport => 'stats' in report)?.stats,
      received: await spotlight.received(),
    };
  } finally {
    await spotlight.stop();
  }
}

function runApp(dsn: string): Promise<Array<ScenarioReport | BurstReport | StatsReport>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', APP], {
      cwd: REPOSITORY,
      // no_proxy: the SDK's transport honours http_proxy, and Spotlight is local.
      env: { ...process.env, SENTRY_DSN: dsn, TSX_TSCONFIG_PATH: TSCONFIG, no_proxy: 'localhost,127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`the demo app exited with code ${code}:\n${stderr}`));
        return;
      }
      resolve(
        stdout
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as ScenarioReport | BurstReport | StatsReport),
      );
    });
  });
}

/** Items of `type` across the envelopes. */
export function itemsOf(envelopes: readonly StreamedEnvelope[], type: string): unknown[] {
  return envelopes.flatMap(([, items]) =>
    items.filter(([header]) => header.type === type).map(([, payload]) => payload),
  );
}

/** Events an event processor dropped, as the client reports that reached Spotlight count them. */
export function droppedByProcessors(envelopes: readonly StreamedEnvelope[]): number {
  return (
    itemsOf(envelopes, 'client_report') as Array<{
      discarded_events?: Array<{ reason: string; quantity: number }>;
    }>
  )
    .flatMap((report) => report.discarded_events ?? [])
    .filter((outcome) => outcome.reason === 'event_processor')
    .reduce((total, outcome) => total + outcome.quantity, 0);
}

/** The demo's printout: per error, what the integration did and whether Spotlight has it; then totals. */
export function formatDemo(result: DemoResult): string {
  const received = itemsOf(result.received, 'event') as ReceivedEvent[];
  const surges = received.filter(isSurge);
  const events = received.filter((event) => !isSurge(event));
  const receivedIds = new Set(events.map((event) => event.event_id));
  const nameWidth = Math.max(...result.scenarios.map((scenario) => scenario.scenario.length));
  const lines = [
    `Spotlight sidecar on ${result.spotlightUrl}; the demo app captured ${result.scenarios.length} errors through`,
    '@sentry/node with expectedErrorsIntegration({ rules }) from examples/recorded/rules.mjs.',
    '',
    `  ${'error'.padEnd(nameWidth)}  ${'integration'.padEnd(11)}  ${'in Spotlight'.padEnd(12)}  kind / rule`,
  ];
  for (const scenario of result.scenarios) {
    const why = scenario.kind ? `${scenario.kind} / ${scenario.rule}` : '';
    const inSpotlight = receivedIds.has(scenario.eventId) ? 'received' : '-';
    lines.push(
      `  ${scenario.scenario.padEnd(nameWidth)}  ${scenario.outcome.padEnd(11)}  ${inSpotlight.padEnd(12)}  ${why}`.trimEnd(),
    );
  }
  const count = (outcome: ScenarioReport['outcome']) =>
    result.scenarios.filter((scenario) => scenario.outcome === outcome).length;
  lines.push(
    '',
    `Spotlight received ${events.length} of ${result.scenarios.length} error events; ${count('dropped')} were dropped and ${count('breadcrumb')} demoted to breadcrumbs.`,
  );
  const last = events.at(-1);
  const trail = last?.breadcrumbs?.filter((breadcrumb) => breadcrumb.category === 'expected_error') ?? [];
  if (last && trail.length > 0) {
    const headline = last.exception?.values?.at(-1);
    lines.push(
      '',
      `The trail of "${headline?.type}: ${headline?.value}" in Spotlight carries the demoted errors:`,
    );
    for (const breadcrumb of trail) lines.push(`  [${breadcrumb.level}] ${breadcrumb.message}`);
  }
  if (result.burst) {
    const { burst, count: size, threshold } = result.burst;
    lines.push(
      '',
      `Then a burst: ${size} × ${burst} within a second (the demo's surge threshold: more than ${threshold} a minute).`,
      `Spotlight received ${surges.length} surge event${surges.length === 1 ? '' : 's'} for it:`,
    );
    for (const surge of surges) {
      const context = surge.contexts?.expected_error_surge;
      lines.push(
        `  [${surge.level}] ${surge.message}  fingerprint ${JSON.stringify(surge.fingerprint)}`,
        `  ${context?.count} in ${context?.windowMs} ms by rule ${JSON.stringify(context?.rules)}; no user's or request's data, examples:`,
        ...(context?.examples ?? []).map((example) => `    ${example}`),
      );
    }
  }
  if (result.stats) {
    lines.push('', 'getStats() of the integration, by kind and rule:');
    for (const [kind, stats] of Object.entries(result.stats.kinds)) {
      const rules = Object.entries(stats.rules)
        .map(([rule, count]) => `${rule} ${count}`)
        .join(', ');
      lines.push(
        `  ${kind}: ${stats.drop} dropped, ${stats.breadcrumb} demoted, ${stats.sampled} sampled, ${stats.surges} surge${stats.surges === 1 ? '' : 's'} (${rules})`,
      );
    }
  }
  lines.push(
    '',
    `Client reports count ${droppedByProcessors(result.received)} events dropped by an event processor (the surge does not hide them).`,
  );
  return lines.join('\n');
}

/** The integration's surge events carry this fingerprint. */
export function isSurge(event: ReceivedEvent): boolean {
  return event.fingerprint?.[0] === 'expected-error-surge';
}
