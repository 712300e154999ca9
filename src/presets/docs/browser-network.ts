import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of the rule of `browserNetworkRules`, by rule id: only `checkRules` reads them. */
export const BROWSER_NETWORK_DOCS: BuiltInRuleDocs = {
  'browser-fetch-failed': {
    description:
      'fetch in a browser: Chromium "Failed to fetch", Firefox "NetworkError when attempting to fetch resource.", Safari "Load failed"',
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
};
