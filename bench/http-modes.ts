/** Shared by the HTTP server bench's processes (`bench/http-server.ts`, `http-app.ts`, `http-load.ts`). */

export type Mode = 'none' | 'integration' | 'eventFilters';
export const MODES: readonly Mode[] = ['none', 'integration', 'eventFilters'];

/** What `eventFiltersIntegration` is told to ignore: the same expected states the rules demote. */
export const IGNORED_ERRORS: readonly string[] = [
  'TokenExpiredError: jwt expired',
  'Error: 429 Rate limit reached',
];

/** One cycle of the workload: 20 % real bugs, 20 % expired sessions, 20 % provider 429s, 40 % plain OK. */
export const ROUTES: readonly string[] = [
  '/ok',
  '/bug',
  '/expired',
  '/ok',
  '/limited',
  '/ok',
  '/bug',
  '/expired',
  '/ok',
  '/limited',
];
