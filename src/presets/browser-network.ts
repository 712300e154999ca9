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
      description:
        'fetch in a browser: Chromium "Failed to fetch", Firefox "NetworkError when attempting to fetch resource.", Safari "Load failed"',
      pattern: withPatternSupport(
        /^TypeError: (?:Failed to fetch(?: \([^()\n]+\))?|NetworkError when attempting to fetch resource\.|Load failed)$/,
        patternSafety,
      ),
      examples: {
        match: [
          'TypeError: Failed to fetch', // Chromium
          'TypeError: Failed to fetch (api.example.com)', // Chromium, with the host
          'TypeError: NetworkError when attempting to fetch resource.', // Firefox
          'TypeError: Load failed', // Safari
        ],
        noMatch: [
          "TypeError: Cannot read properties of undefined (reading 'then')",
          'TypeError: Failed to fetch dynamically imported module: https://app.example/assets/chat-3f2a.js',
          'TypeError: Failed to fetch user profile',
          'TypeError: fetch failed', // undici in Node: its cause says what failed
          'Error: Failed to fetch',
        ],
      },
    },
  ];
}
