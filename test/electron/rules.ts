import type { Rule } from 'sentry-expected-errors';

/** The rules both Electron scenarios use. */
export const rules: Rule[] = [
  { id: 'analytics', kind: 'analytics', action: 'drop', any: ['/analytics/'] },
  {
    id: 'invalid-token',
    kind: 'session_expired',
    action: 'breadcrumb',
    all: ['API error (401', 'Invalid token'],
  },
];
