import type { Breadcrumb, BreadcrumbHint } from '@sentry/core';

/**
 * What the integration needs of a Sentry client: its live options object. Typed structurally so that a
 * client of any `@sentry/core` version fits (an SDK such as `@sentry/electron` brings its own copy).
 */
export interface SentryClient {
  getOptions(): object;
  /** Fires a client hook; the integration fires `beforeAddBreadcrumb` for the breadcrumbs it leaves. */
  emit?(hook: 'beforeAddBreadcrumb', breadcrumb: Breadcrumb, hint?: BreadcrumbHint): void;
}

/** The client options the integration reads or wraps. */
export interface ClientOptionsUsed {
  beforeBreadcrumb?: (breadcrumb: Breadcrumb, hint?: BreadcrumbHint) => Breadcrumb | null;
  maxBreadcrumbs?: number;
}

/** The live options object of a client (the SDK re-reads it on every call, so changes take effect). */
export function optionsOf(client: SentryClient): ClientOptionsUsed {
  return client.getOptions() as ClientOptionsUsed;
}
