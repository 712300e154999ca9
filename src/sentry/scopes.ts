import type { Breadcrumb } from '@sentry/core';
import type { SentryClient } from './client.js';

/** What the integration needs of a Sentry scope. Structural, so a scope of any SDK version fits. */
export interface ScopeLike {
  getClient?(): unknown;
  addBreadcrumb(breadcrumb: Breadcrumb, maxBreadcrumbs?: number): unknown;
  getScopeData?(): ScopeData;
}

/** What a scope gives an event (`getScopeData()` of every major from 8 on), as far as this package reads it. */
export interface ScopeData {
  readonly tags?: unknown;
  readonly extra?: unknown;
  readonly contexts?: unknown;
  readonly level?: unknown;
}

/** An SDK's async context strategy (set by `@sentry/node`), or its default scope stack (browsers). */
interface ScopeSource {
  getCurrentScope?(): ScopeLike;
  getScope?(): ScopeLike;
  getIsolationScope(): ScopeLike;
}

/**
 * The isolation scope, in the current async context, of the SDK that drives `client`.
 *
 * Every `@sentry/core` copy keeps its scopes in `globalThis.__SENTRY__[<its version>]` (its async context
 * strategy `acs`, or the default `stack`), the layout of every major from 8 to 11. The SDK that owns
 * `client` is the one whose current scope holds it; its isolation scope is the one `Sentry.addBreadcrumb`
 * would write to here — the scope of the request being handled, whatever copy of `@sentry/core` this
 * package itself imports.
 */
export function isolationScopeOf(client: SentryClient): ScopeLike | undefined {
  const isolationScope = sdkOf(client)?.source.getIsolationScope();
  return typeof isolationScope?.addBreadcrumb === 'function' ? isolationScope : undefined;
}

/**
 * The global and isolation scopes, in the current async context, of the SDK that drives `client`: the
 * scopes whose data the SDK merges under the current scope's into every event. `global` is `undefined`
 * while that SDK has not created its global scope (it holds nothing yet).
 */
export function outerScopesOf(
  client: SentryClient,
): { readonly global: ScopeLike | undefined; readonly isolation: ScopeLike } | undefined {
  const sdk = sdkOf(client);
  if (!sdk) return undefined;
  const isolation = sdk.source.getIsolationScope();
  const global = sdk.carrier.globalScope;
  if (typeof isolation?.getScopeData !== 'function') return undefined;
  return {
    isolation,
    global:
      typeof (global as ScopeLike | undefined)?.getScopeData === 'function'
        ? (global as ScopeLike)
        : undefined,
  };
}

/**
 * The version of `@sentry/core` that drives `client` (the key of its carrier in `globalThis.__SENTRY__`),
 * found as `isolationScopeOf` finds its scopes; `undefined` when no scope of any copy holds the client.
 */
export function coreVersionOf(client: SentryClient): string | undefined {
  return sdkOf(client)?.version;
}

/** The SDK found for each client: its scope source does not change after `init`. */
const sdks = new WeakMap<SentryClient, Sdk>();

/** One copy of `@sentry/core` as `globalThis.__SENTRY__` holds it: its version, scopes and carrier. */
interface Sdk {
  readonly version: string;
  readonly source: ScopeSource;
  readonly carrier: { readonly globalScope?: unknown };
}

function sdkOf(client: SentryClient): Sdk | undefined {
  const known = sdks.get(client);
  if (known) return known;
  const found = findSdkOf(client);
  if (found) sdks.set(client, found);
  return found;
}

function findSdkOf(client: SentryClient): Sdk | undefined {
  const registry = (globalThis as { __SENTRY__?: unknown }).__SENTRY__;
  if (typeof registry !== 'object' || registry === null) return undefined;
  for (const [version, carrier] of Object.entries(registry)) {
    const source = scopeSourceOf(carrier);
    if (!source) continue;
    const current = source.getCurrentScope ? source.getCurrentScope() : source.getScope?.();
    if (current?.getClient?.() === client) return { version, source, carrier: carrier as Sdk['carrier'] };
  }
  return undefined;
}

function scopeSourceOf(carrier: unknown): ScopeSource | undefined {
  if (typeof carrier !== 'object' || carrier === null) return undefined;
  const { acs, stack } = carrier as { acs?: unknown; stack?: unknown };
  for (const candidate of [acs, stack]) {
    if (
      typeof candidate === 'object' &&
      candidate !== null &&
      typeof (candidate as ScopeSource).getIsolationScope === 'function'
    ) {
      return candidate as ScopeSource;
    }
  }
  return undefined;
}
