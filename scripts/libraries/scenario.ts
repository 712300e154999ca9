import type { IdealDecision, LibraryDecision } from '../../test/helpers/library-corpus.js';

export type { IdealDecision, LibraryDecision };

import type { Loopback } from './loopback.js';
import type { ServerName } from './servers.js';

/** One real library made to throw once against the loopback server. */
export interface LibraryScenario {
  /** The npm package that throws. */
  readonly library: string;
  /** Kebab-case, unique within the library. */
  readonly name: string;
  /** What `recommendedRules()` must do with the live event (with `hint.originalException`). */
  readonly expected: LibraryDecision;
  /** What it must do with the recorded event alone, where that differs, and why. */
  readonly replay?: LibraryDecision & { readonly why: string };
  /** What `recommendedRules({ runsOn: 'device' })` must do, where that differs from `expected` (a server's). */
  readonly device?: LibraryDecision & { readonly why: string };
  /** Where the label is a known miss: the right decision, and why the rules cannot reach it. */
  readonly ideal?: IdealDecision;
  /** The real server the scenario needs (started by the recorder; skipped when its binary is missing). */
  readonly needs?: ServerName;
  /** Calls the library the way an app does and returns what it threw (fails if nothing was thrown). */
  readonly run: (loopback: Loopback) => Promise<unknown>;
}

/** Sent untouched, no rule claims it. */
export const passes: LibraryDecision = { outcome: 'pass' };
/** Sent because a guard claims it. */
export const guarded = (kind: string): LibraryDecision => ({ outcome: 'pass', kind });
/** Dropped. */
export const drops = (kind: string): LibraryDecision => ({ outcome: 'drop', kind });
/** Demoted to a breadcrumb. */
export const demotes = (kind: string): LibraryDecision => ({ outcome: 'breadcrumb', kind });

/** A decision with its one-line reason. */
export const because = (decision: LibraryDecision, why: string): LibraryDecision => ({ ...decision, why });

/** A server's decision and a device's, where they differ. */
export interface SplitDecision {
  readonly expected: LibraryDecision;
  readonly device: LibraryDecision & { readonly why: string };
}

/** A failed connection: the user's network on a device (demoted), the app's own infrastructure on a server. */
export const demotedOnDevice = (kind: string): SplitDecision => ({
  expected: passes,
  device: {
    ...demotes(kind),
    why: "on a device a failed connection is the user's network; on a server it is the app's own infrastructure",
  },
});

/**
 * A refused connection or failed lookup that nothing names (Node's own error, message and frames): by
 * DESIGN the user's network on a device, but no rule may read Node's words alone, so it passes.
 */
export const unnamedOnDevice = (kind: string): IdealDecision => ({
  device: demotes(kind),
  why: "on a device a failed connection is the user's network, but the error is Node's own, which no rule may read alone",
});

/** A generic HTTP client's own timeout: the user's network on a device; maybe the app's own service on a server. */
export const timeoutDemotedOnDevice: SplitDecision = {
  expected: passes,
  device: {
    ...demotes('client_timeout'),
    why: "on a device a client's timeout is the user's network; on a server a generic client's timeout may be the app's own service",
  },
};

/** The scenario fields of a decision, split or not. */
export function decisionFields(
  decision: LibraryDecision | SplitDecision,
): Pick<LibraryScenario, 'expected' | 'device'> {
  return 'device' in decision ? decision : { expected: decision };
}

/** Awaits `action` and returns what it threw; a call that succeeds is a broken scenario. */
export async function thrownBy(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('the call did not throw');
}

/** A hostname the resolver answers with `ENOTFOUND` (`.invalid` is reserved, RFC 2606). */
export const UNRESOLVABLE_HOST = 'api.example.invalid';
/** Client timeouts, short so a recording stays quick. */
export const CLIENT_TIMEOUT_MS = 60;
