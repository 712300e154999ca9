import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/index.js';
import { summarize } from '../../src/redact/index.js';

interface Entry {
  readonly ruleId: string;
  /** A sample as gitleaks wrote it… */
  readonly sample?: string;
  /** …or one secret in each of its sample templates, under a key named after `identifier`. */
  readonly identifier?: string;
  /** What the templates hold, when the secret is only part of it. */
  readonly value?: string;
  /** What the rule's regex calls the secret: it must vanish. */
  readonly secret: string;
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/gitleaks/samples.json', import.meta.url), 'utf8'),
) as { readonly rules: number; readonly templates: readonly string[]; readonly samples: readonly Entry[] };

const samples = fixture.samples.flatMap(({ ruleId, sample, identifier = '', value, secret }) =>
  sample !== undefined
    ? [{ ruleId, text: sample, secret }]
    : fixture.templates.map((template) => ({
        ruleId,
        secret,
        text: template
          .replaceAll('{i}', identifier)
          .replaceAll('{I}', identifier.toUpperCase())
          .replaceAll('{s}', value ?? secret),
      })),
);
/** A sample at a few offsets of a typical error message. */
const EMBEDDINGS = [
  (text: string) => `Error: ${text}`,
  (text: string) => `${text} (while refreshing the session)`,
  (text: string) => `POST /v1/sync failed with 401 Unauthorized; config: ${text}; retrying in 5s`,
];
/**
 * Rules with samples left whole or in part, and why. A rule is listed when any of its samples is.
 * - kubernetes-secret-yaml, slack-webhook-url: the secret gitleaks reports includes its label
 *   (`password:`, `hooks.slack.com/services/`), which the summary keeps; the value itself is redacted.
 * - curl-auth-user (`curl -u user:pass`), nuget-config-password (`key="Password" value="…"`),
 *   sumologic-access-id (`accessId`, 14 characters), sonar-api-token (`SONAR_LOGIN`, a repetitive
 *   fake), heroku/hubspot/snyk/messagebird (`HEROKU_KEY = "<uuid>"`: `key` alone and UUIDs are not taken,
 *   they name ids far more often), cloudflare-global-api-key and sourcegraph-access-token (hexadecimal
 *   under the provider's bare name), cloudflare-origin-ca-key (hexadecimal), facebook-access-token
 *   (the app id in front of `|`), aws-amazon-bedrock-api-key-long-lived (an `EXAMPLE` fake too regular
 *   to look random), microsoft-teams-webhook (its path mostly UUIDs), sidekiq-secret (`user:pass` of hex
 *   under a bare host name).
 */
const KNOWN_MISSES = new Set([
  'kubernetes-secret-yaml',
  'slack-webhook-url',
  'curl-auth-user',
  'nuget-config-password',
  'sumologic-access-id',
  'sonar-api-token',
  'heroku-api-key',
  'hubspot-api-key',
  'snyk-api-token',
  'messagebird-client-id',
  'cloudflare-global-api-key',
  'sourcegraph-access-token',
  'cloudflare-origin-ca-key',
  'facebook-access-token',
  'aws-amazon-bedrock-api-key-long-lived',
  'microsoft-teams-webhook',
  'sidekiq-secret',
]);

/** Whether every embedding of a sample loses its secret, and every summary each 8-character piece of it. */
function redacted({ text, secret }: { readonly text: string; readonly secret: string }): boolean {
  return EMBEDDINGS.every((embed) => {
    const message = embed(text);
    if (redactSecrets(message).includes(secret)) return false;
    const summary = summarize(message);
    // A piece the message also holds outside the secret (the key `rubygems_token` of `rubygems_…`) may stay.
    const outside = message.split(secret).join('\u0000');
    for (let start = 0; start + 8 <= secret.length; start++) {
      const piece = secret.slice(start, start + 8);
      if (summary.includes(piece) && !outside.includes(piece)) return false;
    }
    return true;
  });
}

describe('redactSecrets on gitleaks’ true-positive samples', () => {
  const results = samples.map((sample) => ({ ...sample, redacted: redacted(sample) }));
  const missed = results.filter((result) => !result.redacted);

  it('holds samples of nearly every rule of gitleaks’ default set', () => {
    expect(fixture.rules).toBe(222);
    // pkcs12-file is a path rule, the dropbox tokens have no samples, jwt-base64's are built by code.
    expect(new Set(samples.map((sample) => sample.ruleId)).size).toBe(218);
    expect(samples.length).toBeGreaterThan(6_000);
  });

  it('redacts at least 95 % of the samples at every offset, in the text and in its summary', () => {
    expect(missed.length / samples.length).toBeLessThan(0.05);
  });

  it('misses samples only of the rules listed, with the reason', () => {
    expect([...new Set(missed.map((result) => result.ruleId))].filter((id) => !KNOWN_MISSES.has(id))).toEqual(
      [],
    );
  });
});
