import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `websocketRules`, by rule id: only `checkRules` reads them. */
export const WEBSOCKET_DOCS: BuiltInRuleDocs = {
  'ws-handshake-429': {
    description: 'ws: "Unexpected server response: 429" at the handshake',
    examples: {
      match: ['Error: Unexpected server response: 429'],
      noMatch: ['Error: Unexpected server response: 401', 'AxiosError: Request failed with status code 429'],
    },
  },
  'ws-handshake-gateway': {
    description:
      'ws on a device: "Unexpected server response: 502/503/504", a gateway while the server restarts',
    examples: {
      match: ['Error: Unexpected server response: 502', 'Error: Unexpected server response: 503'],
      noMatch: ['Error: Unexpected server response: 500', 'HTTPError: Bad Gateway'],
    },
  },
};
