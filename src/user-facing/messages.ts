/** What a user may be told about a failure: the intent-level category behind a fixed sentence. */
export type UserFacingCategory =
  | 'llm_unavailable'
  | 'rate_limited'
  | 'context_too_large'
  | 'auth_failure'
  | 'iteration_limit'
  | 'quota_exhausted'
  | 'content_blocked'
  | 'unknown';

/**
 * The default sentence of each category. Each ends with a period and names no provider, path, status or
 * detail: the same sentence is shown whatever the error said. Wording from ironclaw's
 * `user_facing_thread_failure` where it has one (its channel-agnostic "re-authenticate" wording for
 * auth), the same voice for `quota_exhausted` and `content_blocked`.
 */
export const DEFAULT_USER_FACING_MESSAGES: Readonly<Record<UserFacingCategory, string>> = {
  llm_unavailable: 'The AI model is temporarily unavailable. Please try again in a few moments.',
  rate_limited: 'The AI model is currently rate-limited. Please try again shortly.',
  context_too_large:
    'The request was too large for the AI model. Please shorten the conversation or attachments and try again.',
  auth_failure: 'The AI model could not authenticate. Please re-authenticate the provider and try again.',
  iteration_limit: 'The agent reached its step limit before finishing. Please try again.',
  quota_exhausted:
    "The AI model's usage quota has been used up. Please check the provider's plan and billing.",
  content_blocked:
    'The AI model declined this request under its content policy. Please rephrase your message and try again.',
  unknown: 'Something went wrong while processing your message. Please try again.',
};
