import type { Client } from '@sentry/core';
import * as SentryCore from '@sentry/core';
import type { SentryClient } from '../sentry/client.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog } from '../sentry/debug-log.js';
import type { DecisionTable } from './stats.js';
import { DECISION_METRIC } from './tags.js';

/** How long counts are aggregated before they are handed to the SDK (which buffers them again). */
const REPORT_INTERVAL_MS = 5_000;

type MetricsCount = (
  name: string,
  value?: number,
  options?: { attributes?: Record<string, string>; scope?: SentryCore.Scope },
) => void;

/** A client that can tell us when it flushes (every supported SDK major has `on`). */
interface HookedClient {
  on?(hook: 'flush', callback: () => void): unknown;
}

/**
 * Reports the decision counts as the Sentry counter `expected_error.events` (attributes `kind`, `rule`,
 * `action`), one metric per (kind, rule, action) per interval whatever the number of decisions: every 5 s
 * while decisions come in, and when the client flushes (`Sentry.flush()`, `Sentry.close()`).
 *
 * Metrics go through `metrics.count` of the `@sentry/core` this package imports, and only when that copy is
 * the one driving the client (an SDK that pins another copy gets none: its metric buffer and flush hooks
 * are not ours to feed). Without `metrics.count` (@sentry/core before 10.25) nothing is reported.
 */
export interface DecisionMetrics {
  /** Attaches to the client the integration was set up with. */
  bind(client: SentryClient): void;
  /** Called with the client of each decision; also learns whether our copy drives the client. */
  observe(client: SentryClient): void;
  /** Called when the table gets its first unreported count. */
  changed(): void;
}

/** Metrics for one integration; `extraAttributes` are added to every metric (e.g. the dry-run mode). */
export function decisionMetrics(
  table: DecisionTable,
  extraAttributes: Readonly<Record<string, string>>,
): DecisionMetrics {
  let client: SentryClient | undefined;
  let drivesClient = false;
  let observations = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const report = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const changes = table.takePending();
    const count = metricsCount();
    if (changes.length === 0 || !count || !client || !drivesClient) return;
    try {
      const scope = new SentryCore.Scope();
      scope.setClient(client as unknown as Client);
      // A fresh isolation scope: an aggregate must not carry the user or attributes of whichever request
      // happens to be current when it is reported.
      SentryCore.withIsolationScope(new SentryCore.Scope(), () => {
        for (const { kind, rule, action, delta } of changes) {
          count(DECISION_METRIC, delta, { attributes: { kind, rule, action, ...extraAttributes }, scope });
        }
      });
    } catch (error) {
      DEBUG_BUILD && debugLog('warn', 'Could not report decision counts as metrics:', error);
    }
  };

  return {
    bind(boundClient) {
      client = boundClient;
      drivesClient = (SentryCore.getClient() as unknown) === boundClient;
      if (!metricsCount()) {
        DEBUG_BUILD &&
          debugLog('log', 'No metrics.count in this @sentry/core: decisions are counted by getStats() only');
        return;
      }
      (boundClient as HookedClient).on?.('flush', report);
    },
    observe(decidingClient) {
      // The first decisions tell (their capturing scope holds the client when our copy drives it).
      if (drivesClient || observations >= 10 || decidingClient !== client) return;
      observations++;
      drivesClient = (SentryCore.getClient() as unknown) === decidingClient;
    },
    changed() {
      if (timer !== undefined || !client || !metricsCount()) return;
      timer = setTimeout(report, REPORT_INTERVAL_MS);
      (timer as { unref?: () => void }).unref?.();
    },
  };
}

/** `metrics.count` where the installed `@sentry/core` has it (≥ 10.25). */
function metricsCount(): MetricsCount | undefined {
  const metrics = (SentryCore as unknown as { metrics?: { count?: unknown } }).metrics;
  return typeof metrics?.count === 'function' ? (metrics.count as MetricsCount) : undefined;
}
