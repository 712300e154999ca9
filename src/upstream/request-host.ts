import { isRecord, read } from '../event/guarded-read.js';

/** Most request URLs kept from one error chain. */
const MAX_URLS = 8;
/** An absolute http(s) URL in a message (got and ky print `GET <url>`, node-fetch `request to <url>`). */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>()[\]{}`]+/gi;

/**
 * Records the URL of the request an error object was made for, where the client keeps it: axios
 * `config.url` (against `config.baseURL`), got `options.url` (a `URL`), a kept `request.url` or
 * `response.url` (ky, fetch wrappers), the Vercel AI SDK's `url`. A getter that throws, a value that is
 * no URL or a `URL` whose `href` cannot be read costs that field only.
 */
export function addRequestUrls(layer: object, urls: string[]): void {
  const config = read(layer, 'config');
  if (isRecord(config)) add(urls, urlText(read(config, 'url')), urlText(read(config, 'baseURL')));
  const options = read(layer, 'options');
  if (isRecord(options)) add(urls, urlText(read(options, 'url')));
  for (const key of ['request', 'response']) {
    const held = read(layer, key);
    if (isRecord(held)) add(urls, urlText(read(held, 'url')));
  }
  add(urls, urlText(read(layer, 'url')));
}

/**
 * The host the failed request went to, lowercase: the first URL an error object keeps that parses, else
 * the first absolute http(s) URL in its texts. `undefined` when none names one.
 */
export function requestHost(urls: readonly string[], texts: readonly string[]): string | undefined {
  for (const url of urls) {
    const host = hostOf(url);
    if (host !== undefined) return host;
  }
  for (const text of texts) {
    if (!text.includes('://')) continue;
    for (const [candidate] of text.matchAll(URL_IN_TEXT)) {
      const host = hostOf(candidate);
      if (host !== undefined) return host;
    }
  }
  return undefined;
}

/** A URL field as text: a string, or a `URL`'s `href`. */
function urlText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (!isRecord(value)) return undefined;
  const href = read(value, 'href');
  return typeof href === 'string' && href.length > 0 ? href : undefined;
}

/** Adds `url`, resolved against `base` where it is relative (axios's `baseURL`). */
function add(urls: string[], url: string | undefined, base?: string): void {
  if (url === undefined || urls.length >= MAX_URLS) return;
  const resolved = base !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(url) ? joined(base, url) : url;
  if (!urls.includes(resolved)) urls.push(resolved);
}

function joined(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function hostOf(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname.length > 0
      ? hostname.toLowerCase()
      : undefined;
  } catch {
    // Not a URL (a relative path without a base, a template, a malformed host): it names no host.
    return undefined;
  }
}
