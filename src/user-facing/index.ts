// `sentry-expected-errors/user-facing`: the user-facing sanitizer alone (also exported from the root).

export type { UserFacingCategory } from './messages.js';
export { DEFAULT_USER_FACING_MESSAGES } from './messages.js';
export type { UserFacingErrorOptions, UserFacingErrorResult } from './user-facing-error.js';
export { userFacingError } from './user-facing-error.js';
