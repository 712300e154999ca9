import { describe, RuleConfigError } from '../rules/errors.js';
import type { Rule } from '../rules/types.js';

/** What a demoting rule of a built-in pack does with a match. */
export type DemotingAction = 'drop' | 'breadcrumb';

/** Options every built-in pack that demotes accepts. */
export interface PresetOptions {
  /** What the pack's demoting rules do with a match (its guards always `report`). @default 'breadcrumb' */
  readonly action?: DemotingAction;
}

/**
 * Per-kind choices of a pack whose kinds an app may want to treat apart: an action for the kind, or
 * `false` to leave that kind out of the pack (its events then pass, unless another rule claims them).
 */
export type KindChoices<K extends string> = Readonly<Partial<Record<K, DemotingAction | false>>>;

const ACTIONS: readonly string[] = ['drop', 'breadcrumb'];

/**
 * Where the app runs. `device` (a browser, an Electron or Tauri app, a sidecar or CLI on a user's
 * machine): a refused, reset or timed-out connection or a failed DNS lookup is the user's network.
 * `server`: the same failures are outages of the app's own infrastructure.
 */
export type RunsOn = 'server' | 'device';

const RUNS_ON: readonly string[] = ['server', 'device'];

/** Checks `runsOn`, when given: `'server'` or `'device'`. */
export function checkRunsOn(pack: string, runsOn: unknown): void {
  if (runsOn === undefined || (typeof runsOn === 'string' && RUNS_ON.includes(runsOn))) return;
  throw RuleConfigError.forOption(pack, 'runsOn', `must be 'server' or 'device' (got ${describe(runsOn)})`);
}

/**
 * `device` where the code runs in a page (`document`), Electron (`process.versions.electron`) or Tauri
 * (`__TAURI__`, `__TAURI_INTERNALS__`), else `server`. A sidecar or CLI on a user's machine looks like a
 * server from inside: it says `runsOn: 'device'` itself.
 */
export function detectRunsOn(): RunsOn {
  const global = globalThis as {
    readonly document?: unknown;
    readonly process?: { readonly versions?: { readonly electron?: unknown } };
    readonly __TAURI__?: unknown;
    readonly __TAURI_INTERNALS__?: unknown;
  };
  const device =
    global.document !== undefined ||
    global.process?.versions?.electron !== undefined ||
    global.__TAURI__ !== undefined ||
    global.__TAURI_INTERNALS__ !== undefined;
  return device ? 'device' : 'server';
}

/**
 * Checks a pack's options object: an object (or `undefined`), no key outside `known`, and `action`, when
 * given, `'drop'` or `'breadcrumb'`. Throws `RuleConfigError.forOption(pack, option, …)`.
 */
export function checkPackOptions(pack: string, options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw RuleConfigError.forOption(pack, 'options', `must be an object (got ${describe(options)})`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw RuleConfigError.forOption(pack, key, `is not an option of ${pack} (one of ${list(known)})`);
    }
  }
  checkAction(pack, 'action', (options as { action?: unknown }).action);
}

/** Checks `kinds`: an object whose keys are kinds of the pack and whose values are actions or `false`. */
export function checkKindChoices(pack: string, choices: unknown, kinds: readonly string[]): void {
  if (choices === undefined) return;
  if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) {
    throw RuleConfigError.forOption(pack, 'kinds', `must be an object (got ${describe(choices)})`);
  }
  for (const [kind, choice] of Object.entries(choices)) {
    if (!kinds.includes(kind)) {
      throw RuleConfigError.forOption(
        pack,
        `kinds.${kind}`,
        `is not a kind of ${pack} (one of ${list(kinds)})`,
      );
    }
    if (choice !== false) checkAction(pack, `kinds.${kind}`, choice);
  }
}

/** Checks a list of HTTP statuses: a non-empty array of integers in 100–599. */
export function checkStatuses(pack: string, option: string, statuses: unknown): void {
  if (statuses === undefined) return;
  if (!Array.isArray(statuses) || statuses.length === 0) {
    throw RuleConfigError.forOption(
      pack,
      option,
      `must be a non-empty array of HTTP statuses (got ${describe(statuses)})`,
    );
  }
  for (const [index, status] of statuses.entries()) {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
      throw RuleConfigError.forOption(
        pack,
        `${option}[${index}]`,
        `must be an HTTP status, an integer in 100–599 (got ${describe(status)})`,
      );
    }
  }
}

/**
 * The rules of a pack whose kinds an app may treat apart, after checking its options (`action`, `kinds`):
 * the pack's action on its demoting rules, then `defaults` per kind, then the app's own choices.
 */
export function kindPackRules<K extends string>(
  pack: string,
  kinds: readonly K[],
  options: { readonly action?: DemotingAction; readonly kinds?: KindChoices<K> },
  rules: readonly Rule[],
  defaults?: KindChoices<K>,
  otherOptions: readonly string[] = [],
): Rule[] {
  checkPackOptions(pack, options, ['action', 'kinds', ...otherOptions]);
  checkKindChoices(pack, options.kinds, kinds);
  return applyActions(rules, options.action ?? 'breadcrumb', { ...defaults, ...options.kinds });
}

/**
 * Applies the pack's action (and per-kind choices) to its demoting rules; guards keep `report`. A kind
 * set to `false` loses its rules.
 */
export function applyActions<K extends string>(
  rules: readonly Rule[],
  action: DemotingAction,
  choices?: KindChoices<K>,
): Rule[] {
  return rules.flatMap((rule) => {
    if (rule.action === 'report') return [rule];
    const choice = (choices as Readonly<Record<string, DemotingAction | false | undefined>> | undefined)?.[
      rule.kind
    ];
    if (choice === false) return [];
    return [{ ...rule, action: choice ?? action }];
  });
}

function checkAction(pack: string, option: string, action: unknown): void {
  if (action === undefined || (typeof action === 'string' && ACTIONS.includes(action))) return;
  throw RuleConfigError.forOption(pack, option, `must be 'drop' or 'breadcrumb' (got ${describe(action)})`);
}

function list(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}
