import { patternSafety } from '../rules/linear-pattern.js';
import { withPatternSupport } from '../rules/pattern.js';
import type { Rule } from '../rules/types.js';

/**
 * A browser's own word for a request that never got an answer: `fetch` (and what wraps it: ky, the
 * provider SDKs' browser builds) rejects with a `TypeError` whose whole message is the engine's, with no
 * status and no body. On a user's device that is the user's network (offline, a captive portal, a
 * blocked host). The messages are the engines' own, as is-network-error v1.3 lists them; the rule needs
 * the whole message, so a `TypeError` of the app's own that merely mentions fetching is not claimed.
 */
export function browserNetworkRules(): Rule[] {
  return [
    {
      id: 'browser-fetch-failed',
      kind: 'connection_failed',
      action: 'breadcrumb',
      pattern: withPatternSupport(
        /^TypeError: (?:Failed to fetch(?: \([^()\n]+\))?|NetworkError when attempting to fetch resource\.|Load failed)$/,
        patternSafety,
      ),
    },
  ];
}
