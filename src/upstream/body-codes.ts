import type { Signal } from './signals.js';

/**
 * Exact body `type` / `code` / gRPC `status` / `details[].reason` values (compared lowercased) and what
 * they say. Strong codes name a cause or a type precisely and are read before the HTTP status; weak
 * codes are generic (`api_error`, `invalid_request_error`) and only decide when nothing else does.
 */
export const STRONG_CODES: Readonly<Record<string, Signal>> = {
  // OpenAI 429 `{"type":"insufficient_quota","code":"insufficient_quota"}`; Anthropic 402 `billing_error`;
  // Anthropic spend cap `details.error_code` (via Microsoft Learn, unverified upstream).
  insufficient_quota: 'quota_exhausted',
  billing_error: 'quota_exhausted',
  credit_balance_exhausted: 'quota_exhausted',
  billing_hard_limit_reached: 'quota_exhausted',
  enforced_spend_limit_reached: 'quota_exhausted',
  // Google APIs `errors[].reason` of a 403 whose daily or project quota is spent; AWS Service Quotas.
  dailylimitexceeded: 'quota_exhausted',
  quotaexceeded: 'quota_exhausted',
  servicequotaexceededexception: 'quota_exhausted',
  // Google `details[]` of type `google.rpc.QuotaFailure` (gemini.ts): a quota, whose retry delay, if
  // any, says it refills (Gemini's per-minute limit) rather than is spent.
  quota_failure: 'quota_exceeded',
  // OpenAI `code: context_length_exceeded` (chat and Responses); `string_above_max_length`.
  context_length_exceeded: 'context_overflow',
  string_above_max_length: 'context_overflow',
  // Anthropic 413, answered by Cloudflare before the API.
  request_too_large: 'request_too_large',
  // OpenAI, Azure OpenAI (`content_filter`, `ResponsibleAIPolicyViolation`), Responses API codes.
  content_policy_violation: 'content_policy',
  image_content_policy_violation: 'content_policy',
  content_filter: 'content_policy',
  responsibleaipolicyviolation: 'content_policy',
  invalid_prompt: 'content_policy',
  bio_policy: 'content_policy',
  // OpenAI `model_not_found`; Azure `DeploymentNotFound`.
  model_not_found: 'model_not_found',
  deploymentnotfound: 'model_not_found',
  // OpenAI `invalid_api_key`; Gemini `details[].reason: API_KEY_INVALID` (on an HTTP 400).
  invalid_api_key: 'invalid_api_key',
  api_key_invalid: 'invalid_api_key',
  // Anthropic `authentication_error`; gRPC `UNAUTHENTICATED`.
  authentication_error: 'unauthenticated',
  unauthenticated: 'unauthenticated',
  // Anthropic `permission_error`; gRPC `PERMISSION_DENIED`; OpenAI 403 region code.
  permission_error: 'permission_denied',
  permission_denied: 'permission_denied',
  unsupported_country_region_territory: 'permission_denied',
  // Anthropic `timeout_error` (504); gRPC `DEADLINE_EXCEEDED`.
  timeout_error: 'timeout',
  deadline_exceeded: 'timeout',
  // Anthropic `rate_limit_error`; OpenAI `rate_limit_exceeded`; gRPC `RESOURCE_EXHAUSTED`; AWS throttling.
  rate_limit_error: 'rate_limited',
  rate_limit_exceeded: 'rate_limited',
  too_many_requests: 'rate_limited',
  resource_exhausted: 'rate_limited',
  throttlingexception: 'rate_limited',
  throttling_exception: 'rate_limited',
  // Google APIs answer a rate limit with HTTP 403: `errors[].reason` says what it is.
  ratelimitexceeded: 'rate_limited',
  userratelimitexceeded: 'rate_limited',
  // Anthropic `overloaded_error` (529, and mid-stream with no status); OpenAI `server_is_overloaded`.
  overloaded_error: 'overloaded',
  server_is_overloaded: 'overloaded',
};

/** Generic codes: a server-side failure or a rejected request, nothing more precise. */
export const WEAK_CODES: Readonly<Record<string, Signal>> = {
  // Anthropic `api_error` (500, and mid-stream: coder's fixture sends it with message "Overloaded").
  api_error: 'server_error',
  // OpenAI `server_error` (mid-stream, Responses `response.failed`), coder's gateway `internal_error`.
  server_error: 'server_error',
  internal_error: 'server_error',
  service_unavailable: 'server_error',
  service_unavailable_error: 'server_error',
  // gRPC canonical names Gemini uses for 500 and 503.
  internal: 'server_error',
  unavailable: 'server_error',
  // OpenAI and Anthropic `invalid_request_error`; gRPC `INVALID_ARGUMENT`, `FAILED_PRECONDITION`.
  invalid_request_error: 'bad_request',
  invalid_argument: 'bad_request',
  failed_precondition: 'bad_request',
  not_found_error: 'bad_request',
};

/** Signals of the codes found in `table`. */
export function codeSignals(codes: readonly string[], table: Readonly<Record<string, Signal>>): Signal[] {
  const signals: Signal[] = [];
  for (const code of codes) {
    if (Object.hasOwn(table, code)) signals.push(table[code] as Signal);
  }
  return signals;
}
