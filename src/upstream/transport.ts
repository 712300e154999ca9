import { read } from '../event/guarded-read.js';
import { addTransport, type Evidence } from './evidence.js';
import { readString } from './read.js';
import type { Signal } from './signals.js';

/**
 * Failures below HTTP: Node system errors, undici's `UND_ERR_*`, Bun's fetch codes, TLS certificate
 * codes, and the DOMExceptions an `AbortSignal` rejects with. A timeout and a user cancel are kept
 * apart (the AI SDK's `isAbortError` merges them): `TimeoutError` is the provider being slow,
 * `AbortError` is the caller leaving.
 */

const TRANSPORT_CODES: Readonly<Record<string, Signal>> = {
  // Node system errors (Node docs, "Common system errors").
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ECONNRESET: 'network',
  ECONNREFUSED: 'network',
  EPIPE: 'network',
  ENETUNREACH: 'network',
  EHOSTUNREACH: 'network',
  ENETDOWN: 'network',
  EHOSTDOWN: 'network',
  EAI_AGAIN: 'network',
  ENOTFOUND: 'host_not_found',
  EAI_NONAME: 'host_not_found',
  EAI_NODATA: 'host_not_found',
  // axios: `timeout of 5000ms exceeded` (ETIMEDOUT instead with `transitional.clarifyTimeoutError`).
  ECONNABORTED: 'timeout',
  ERR_STREAM_PREMATURE_CLOSE: 'network',
  ABORT_ERR: 'cancelled',
  // undici (lib/core/errors.js).
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_SOCKET: 'network',
  UND_ERR_CLOSED: 'network',
  UND_ERR_DESTROYED: 'network',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'network',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'network',
  UND_ERR_PRX_TLS: 'tls',
  UND_ERR_ABORTED: 'cancelled',
  // A dispatcher from another undici version (openai-node's isUndiciDispatcherVersionMismatchError), a
  // bad option: the request never left, so `fetch failed` around them is not a network failure.
  UND_ERR_INVALID_ARG: 'misconfigured',
  UND_ERR_INVALID_RETURN_VALUE: 'misconfigured',
  UND_ERR_NOT_SUPPORTED: 'misconfigured',
  ERR_INVALID_URL: 'misconfigured',
  UND_ERR_ABORT: 'cancelled',
  // Bun's fetch (the codes the AI SDK's handleFetchError treats as network errors).
  ConnectionRefused: 'network',
  ConnectionClosed: 'network',
  FailedToOpenSocket: 'network',
  // TLS certificate failures (the is-retry-allowed deny list): configuration, not a blip.
  CERT_HAS_EXPIRED: 'tls',
  CERT_NOT_YET_VALID: 'tls',
  CERT_REVOKED: 'tls',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
  UNABLE_TO_GET_ISSUER_CERT: 'tls',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls',
  HOSTNAME_MISMATCH: 'tls',
};

/**
 * Names that identify an error by themselves: the DOMExceptions of `AbortSignal.timeout()` and
 * `AbortController.abort()` (spec-defined names), and Next.js's `ResponseAborted`.
 */
const TRANSPORT_NAMES: Readonly<Record<string, Signal>> = {
  TimeoutError: 'timeout',
  AbortError: 'cancelled',
  ResponseAborted: 'cancelled',
};

/**
 * Messages of the `TypeError` a fetch rejects with when no response arrived (is-network-error 1.3.0):
 * undici, Chrome, Firefox, Safari, cross-fetch, Bun, Cloudflare Workers. Safari's `Load failed` is
 * left out: it is also an ordinary message.
 */
const NETWORK_TYPE_ERROR_MESSAGES: ReadonlySet<string> = new Set([
  'fetch failed',
  'terminated',
  'Failed to fetch',
  'NetworkError when attempting to fetch resource.',
  'The Internet connection appears to be offline.',
  'Network request failed',
  ' A network error occurred.',
  'Network connection lost',
  'network error',
]);

/** Reads the transport facts of one error object. */
export function readTransport(layer: object, evidence: Evidence): void {
  const code = read(layer, 'code');
  if (typeof code === 'string') addTransport(evidence, transportCodeSignal(code));
  const name = readString(layer, 'name');
  if (name === undefined) return;
  if (Object.hasOwn(TRANSPORT_NAMES, name)) addTransport(evidence, TRANSPORT_NAMES[name]);
  const message = readString(layer, 'message');
  if (name === 'TypeError' && message !== undefined && NETWORK_TYPE_ERROR_MESSAGES.has(message)) {
    addTransport(evidence, 'network');
  }
}

function transportCodeSignal(code: string): Signal | undefined {
  if (Object.hasOwn(TRANSPORT_CODES, code)) return TRANSPORT_CODES[code];
  // Node's llhttp parser errors: the server sent something that is not HTTP.
  if (code.startsWith('HPE_')) return 'network';
  if (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) return 'tls';
  return undefined;
}
