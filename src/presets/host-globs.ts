import { describe, RuleConfigError } from '../rules/errors.js';
import { patternSafety } from '../rules/linear-pattern.js';
import { withPatternSupport } from '../rules/pattern.js';

/** A host name (`api.stripe.com`), or a wildcard over its subdomains as the leftmost label (`*.openai.com`). */
const HOST_GLOB = /^(?:\*\.)?(?:[a-z0-9-]+\.)*[a-z0-9-]+$/i;

/**
 * Checks `thirdPartyHosts`, when given: an array of host globs, each a host name or `*.` and a domain
 * (`*.openai.com` is any subdomain of openai.com, not openai.com itself).
 */
export function checkHostGlobs(pack: string, option: string, hosts: unknown): void {
  if (hosts === undefined) return;
  if (!Array.isArray(hosts)) {
    throw RuleConfigError.forOption(pack, option, `must be an array of host globs (got ${describe(hosts)})`);
  }
  for (const [index, host] of hosts.entries()) {
    if (typeof host !== 'string' || !HOST_GLOB.test(host)) {
      throw RuleConfigError.forOption(
        pack,
        `${option}[${index}]`,
        `must be a host name or \`*.\` and a domain, e.g. 'api.stripe.com' or '*.openai.com' (got ${describe(host)})`,
      );
    }
  }
}

/**
 * A pattern that finds an `http(s)://` URL on one of `hosts` in a text field: the way a client's message
 * names the request (got `…: GET https://api.openai.com/v1/…`, ky, node-fetch `request to https://…`).
 */
export function hostUrlPattern(hosts: readonly string[]): RegExp {
  const alternatives = hosts.map((host) => {
    const wildcard = host.startsWith('*.');
    const domain = (wildcard ? host.slice(2) : host).toLowerCase().replaceAll('.', '\\.');
    return wildcard ? `[a-z0-9-][a-z0-9.-]*\\.${domain}` : domain;
  });
  return withPatternSupport(
    new RegExp(`https?://(?:${alternatives.join('|')})(?::[0-9]{1,5})?(?:[/?#\\s"')]|$)`, 'i'),
    patternSafety,
  );
}
