import { describe, RuleConfigError } from '../rules/errors.js';
import { isHostGlob } from '../rules/field-checks.js';

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
    if (!isHostGlob(host)) {
      throw RuleConfigError.forOption(
        pack,
        `${option}[${index}]`,
        `must be a host name or \`*.\` and a domain, e.g. 'api.stripe.com' or '*.openai.com' (got ${describe(host)})`,
      );
    }
  }
}
