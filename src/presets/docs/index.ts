import { AUTH_SESSION_DOCS } from './auth-session.js';
import { AWS_SDK_DOCS } from './aws-sdk.js';
import { BROWSER_NETWORK_DOCS } from './browser-network.js';
import { BYO_KEY_GUARDS_DOCS } from './byo-key-guards.js';
import { CHAT_APIS_DOCS } from './chat-apis.js';
import { DATASTORE_GUARDS_DOCS } from './datastore-guards.js';
import { GRAPHQL_CLIENTS_DOCS } from './graphql-clients.js';
import { HTTP_CLIENT_DOCS } from './http-client.js';
import { HTTP_CLIENT_NETWORK_DOCS } from './http-client-network.js';
import { LLM_SDK_DOCS } from './llm-sdk.js';
import { LLM_SDK_GUARDS_DOCS } from './llm-sdk-guards.js';
import { MAIL_DOCS } from './mail.js';
import { REST_APIS_DOCS } from './rest-apis.js';
import { SESSION_EXPIRED_DOCS } from './session-expired.js';
import { STRIPE_DOCS } from './stripe.js';
import { TOKEN_EXPIRY_DOCS } from './token-expiry.js';
import { TRANSIENT_UPSTREAM_DOCS } from './transient-upstream.js';
import type { BuiltInRuleDocs } from './types.js';
import { WEBSOCKET_DOCS } from './websocket.js';

export type { BuiltInRuleDocs } from './types.js';

/** Every built-in pack's descriptions and examples, by rule id (rule ids are unique across the packs). */
export const BUILT_IN_RULE_DOCS: BuiltInRuleDocs = {
  ...AUTH_SESSION_DOCS,
  ...BROWSER_NETWORK_DOCS,
  ...BYO_KEY_GUARDS_DOCS,
  ...HTTP_CLIENT_DOCS,
  ...HTTP_CLIENT_NETWORK_DOCS,
  ...LLM_SDK_DOCS,
  ...LLM_SDK_GUARDS_DOCS,
  ...SESSION_EXPIRED_DOCS,
  ...STRIPE_DOCS,
  ...TRANSIENT_UPSTREAM_DOCS,
  ...AWS_SDK_DOCS,
  ...CHAT_APIS_DOCS,
  ...DATASTORE_GUARDS_DOCS,
  ...GRAPHQL_CLIENTS_DOCS,
  ...MAIL_DOCS,
  ...REST_APIS_DOCS,
  ...TOKEN_EXPIRY_DOCS,
  ...WEBSOCKET_DOCS,
};

/**
 * `rules`, each one whose id is a built-in rule's given that rule's `description` and `examples` where it
 * has none of its own: the packs build their rules without them (an app deciding events never bundles
 * them), and `checkRules` still checks every built-in rule by its examples.
 */
export function withBuiltInDocs(rules: readonly unknown[]): unknown[] {
  return rules.map((rule) => {
    if (typeof rule !== 'object' || rule === null) return rule;
    const { id, description, examples } = rule as { id?: unknown; description?: unknown; examples?: unknown };
    const docs =
      typeof id === 'string' && Object.hasOwn(BUILT_IN_RULE_DOCS, id) ? BUILT_IN_RULE_DOCS[id] : undefined;
    if (!docs || (description !== undefined && examples !== undefined)) return rule;
    return {
      ...rule,
      description: description ?? docs.description,
      examples: examples ?? docs.examples,
    };
  });
}
