import * as SentryCore from '@sentry/core';
import * as Sentry from '@sentry/node';
import { describe, expect, it } from 'vitest';

describe('peer matrix', () => {
  it('runs against the @sentry/node and @sentry/core major the job asked for (SENTRY_MAJOR, default 11)', () => {
    const major = process.env.SENTRY_MAJOR ?? '11';
    expect(Sentry.SDK_VERSION.split('.')[0]).toBe(major);
    expect(SentryCore.SDK_VERSION).toBe(Sentry.SDK_VERSION);
  });
});
