import type { Event } from '@sentry/core';
import { describe, expect, it } from 'vitest';
import { eventSummary } from '../../src/cli/event-summary.js';
import { demotionBreadcrumb } from '../../src/decisions/demotion-breadcrumb.js';
import type { Classification } from '../../src/rules/types.js';
import { FAKE_SECRETS, pieces } from './fake-secrets.js';

/** `eventHeadline` keeps this much of an exception value (src/event-text.ts) before anyone redacts it. */
const HEADLINE_VALUE_LENGTH = 2_048;
const LABEL = /\[redacted[a-z-]{0,40}(?:\]|…$|$)/g;
const CLASSIFICATION: Classification = {
  kind: 'upstream_auth',
  action: 'breadcrumb',
  rule: 'auth',
  summary: 'redacted',
};

/** Events whose exception value puts `form` across the headline cut, after a key that redacts short. */
function eventsAcrossTheHeadlineCut(form: string): Event[] {
  const events: Event[] = [];
  for (let start = HEADLINE_VALUE_LENGTH - form.length - 1; start <= HEADLINE_VALUE_LENGTH + 1; start++) {
    const value = `sk-${'Q'.repeat(Math.max(8, start - 4))} ${form} (401)`;
    events.push({ exception: { values: [{ type: 'AuthenticationError', value }] } });
  }
  return events;
}

describe('what the package prints or stores of an event', () => {
  it.each(FAKE_SECRETS.map((fake) => [fake.name, fake]))(
    'shows no part of a %s in a demotion breadcrumb or a CLI row, even when the headline cut it',
    (_name, fake) => {
      const leaks: string[] = [];
      for (const event of eventsAcrossTheHeadlineCut(fake.form)) {
        const breadcrumb = String(demotionBreadcrumb(event, CLASSIFICATION).message).replace(LABEL, '');
        const row = eventSummary({ ...event }, CLASSIFICATION).replace(LABEL, '');
        for (const piece of pieces(fake.secret, 6)) {
          if (breadcrumb.includes(piece)) leaks.push(`breadcrumb shows ${piece}`);
          if (row.includes(piece)) leaks.push(`CLI row shows ${piece}`);
        }
      }
      expect(leaks).toEqual([]);
    },
  );

  it('redacts the same way on both paths', () => {
    const event: Event = {
      exception: { values: [{ type: 'Error', value: 'connect redis://:s3cr3t-pw@cache:6379 refused' }] },
    };
    expect(demotionBreadcrumb(event, CLASSIFICATION).message).toBe(
      'upstream_auth: Error: connect redis://[redacted]@cache:6379 refused',
    );
    expect(eventSummary({ ...event }, CLASSIFICATION)).toBe(
      'Error: connect redis://[redacted]@cache:6379 refused',
    );
  });
});
