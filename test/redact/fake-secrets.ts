import { seededRandom as random } from '../helpers/seeded-random.js';

/**
 * Shaped fakes of every credential `redactSecrets` knows, generated from a seeded PRNG (never a real
 * secret). `secret` is what must vanish; `visible` is the part a redaction may keep (a public prefix the
 * replacement names, such as `sk-`); `form` is how the secret usually appears in text.
 */

const next = random(20261130);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz0123456789'; // no `x`: the filler of the cut tests
const B64URL = `${ALNUM}_-`;
const HEX = '0123456789abcdef';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWYZ234567';

/** `length` characters drawn from `alphabet`. */
export function fake(alphabet: string, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

export interface FakeSecret {
  readonly name: string;
  /** The characters that must not survive. */
  readonly secret: string;
  /** The text around the secret in its usual form (`password=${secret}`); defaults to the secret itself. */
  readonly form: string;
  /** Contexts it does not occur in (a PEM block is never a URL query parameter). */
  readonly notIn?: readonly Context[];
}

export type Context = 'json' | 'header' | 'url' | 'log';

const pemBody = Array.from({ length: 6 }, () => fake(`${ALNUM}+/`, 64)).join('\n');
const token = (name: string, secret: string, notIn?: readonly Context[]): FakeSecret => ({
  name,
  secret,
  form: secret,
  ...(notIn ? { notIn } : {}),
});

const ENTRIES: readonly FakeSecret[] = [
  {
    name: 'PEM private key',
    secret: pemBody,
    form: `-----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n-----END RSA PRIVATE KEY-----`,
    notIn: ['url', 'header'],
  },
  { name: 'Cookie header', secret: `sid=${fake(ALNUM, 32)}`, form: '', notIn: ['url'] },
  { name: 'Set-Cookie header', secret: `session=${fake(B64URL, 40)}`, form: '', notIn: ['url'] },
  { name: 'Azure Ocp-Apim-Subscription-Key', secret: fake(HEX, 32), form: '', notIn: ['url'] },
  { name: 'password=', secret: `Pa55-${fake(ALNUM, 14)}!`, form: '' },
  { name: 'SECRET_KEY= (Django)', secret: `django-insecure-${fake(B64URL, 40)}`, form: '' },
  { name: 'private_token= (GitLab)', secret: fake(ALNUM, 20), form: '' },
  { name: '"private_key_id" (GCP)', secret: fake(HEX, 40), form: '', notIn: ['url'] },
  { name: 'client_secret=', secret: fake(B64URL, 32), form: '' },
  { name: 'x-api-key:', secret: fake(ALNUM, 32), form: '' },
  { name: 'Bearer', secret: fake(`${B64URL}.~+/`, 48), form: '', notIn: ['url'] },
  { name: 'Basic', secret: `${fake(`${ALNUM}+/`, 30)}==`, form: '', notIn: ['url'] },
  { name: 'Digest response=', secret: fake(HEX, 32), form: '', notIn: ['url'] },
  token('OpenAI project key', `sk-proj-${fake(B64URL, 74)}T3BlbkFJ${fake(B64URL, 74)}`),
  token('OpenAI legacy key', `sk-${fake(ALNUM, 20)}T3BlbkFJ${fake(ALNUM, 20)}`),
  token('Anthropic key', `sk-ant-api03-${fake(B64URL, 93)}AA`),
  token('OpenRouter key', `sk-or-v1-${fake(HEX, 64)}`),
  token('OpenAI session key', `sess-${fake(ALNUM, 40)}`),
  token('Groq key', `gsk_${fake(ALNUM, 52)}`),
  token('Google API key', `AIzaSy${fake(B64URL, 33)}`),
  token('Google OAuth access token', `ya29.a0${fake(B64URL, 120)}`),
  token('Google OAuth refresh token', `1//0${fake(B64URL, 60)}`),
  token('Google OAuth client secret', `GOCSPX-${fake(B64URL, 28)}`),
  token('AWS access key id', `AKIA${fake(UPPER_DIGITS, 16)}`),
  token('AWS temporary key id', `ASIA${fake(UPPER_DIGITS, 16)}`),
  token('Azure AD client secret', `${fake(ALNUM, 3)}8Q~${fake(`${ALNUM}_~.-`, 34)}`),
  token('GitHub personal access token', `ghp_${fake(ALNUM, 36)}`),
  token('GitHub app token', `ghs_${fake(ALNUM, 36)}`),
  token('GitHub fine-grained token', `github_pat_${fake(ALNUM, 22)}_${fake(ALNUM, 59)}`),
  token('GitLab personal access token', `glpat-${fake(B64URL, 20)}`),
  token(
    'GitLab routable token',
    `glpat-${fake(B64URL, 27)}.01${fake('abcdefghijklmnopqrstuvwyz0123456789', 7)}`,
  ),
  token('Slack bot token', `xoxb-${fake('0123456789', 12)}-${fake('0123456789', 12)}-${fake(ALNUM, 24)}`),
  token(
    'Slack app token',
    `xapp-1-A${fake('ABCDEFGHIJ0123456789', 10)}-${fake('0123456789', 13)}-${fake(HEX, 64)}`,
  ),
  { name: 'Slack webhook URL', secret: `T${fake(ALNUM, 8)}/B${fake(ALNUM, 8)}/${fake(ALNUM, 24)}`, form: '' },
  token('Stripe secret key', `sk_live_${fake(ALNUM, 99)}`),
  token('Stripe restricted key', `rk_test_${fake(ALNUM, 24)}`),
  token('Stripe webhook secret', `whsec_${fake(ALNUM, 32)}`),
  token('Twilio API key', `SK${fake(HEX, 32)}`),
  token('SendGrid API key', `SG.${fake(B64URL, 22)}.${fake(B64URL, 43)}`),
  token('npm token', `npm_${fake(ALNUM, 36)}`),
  token('PyPI token', `pypi-AgEIcHlwaS5vcmc${fake(B64URL, 70)}`),
  token('Hugging Face token', `hf_${fake('ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz', 34)}`),
  token('Discord bot token', `M${fake(ALNUM, 25)}.${fake(B64URL, 6)}.${fake(B64URL, 38)}`),
  { name: 'Discord webhook URL', secret: `${fake('0123456789', 18)}/${fake(B64URL, 68)}`, form: '' },
  token('Telegram bot token', `${fake('0123456789', 10)}:AA${fake(B64URL, 33)}`),
  token('JSON Web Token', `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${fake(B64URL, 60)}.${fake(B64URL, 43)}`),
  { name: 'URL password', secret: fake(ALNUM, 16), form: '' },
  { name: 'URL password with @ and /', secret: `p@ss/${fake(ALNUM, 12)}`, form: '' },
  { name: 'URL password, empty user', secret: fake(ALNUM, 16), form: '' },
];

export const FAKE_SECRETS: readonly FakeSecret[] = ENTRIES.map((entry) => ({
  ...entry,
  form: entry.form || formOf(entry.name, entry.secret),
}));

/** The usual text around the secrets that only exist next to a key or a scheme. */
function formOf(name: string, secret: string): string {
  switch (name) {
    case 'Cookie header':
      return `Cookie: ${secret}; theme=dark`;
    case 'Set-Cookie header':
      return `Set-Cookie: ${secret}; Path=/; HttpOnly`;
    case 'Azure Ocp-Apim-Subscription-Key':
      return `Ocp-Apim-Subscription-Key: ${secret}`;
    case 'password=':
      return `password=${secret}`;
    case 'SECRET_KEY= (Django)':
      return `SECRET_KEY=${secret}`;
    case 'private_token= (GitLab)':
      return `private_token=${secret}`;
    case '"private_key_id" (GCP)':
      return `"private_key_id": "${secret}"`;
    case 'client_secret=':
      return `client_secret=${secret}`;
    case 'x-api-key:':
      return `x-api-key: ${secret}`;
    case 'Bearer':
      return `Authorization: Bearer ${secret}`;
    case 'Basic':
      return `Authorization: Basic ${secret}`;
    case 'Digest response=':
      return `Authorization: Digest username="bob", realm="api", nonce="${fake(HEX, 16)}", uri="/v1", response="${secret}"`;
    case 'Slack webhook URL':
      return `https://hooks.slack.com/services/${secret}`;
    case 'Discord webhook URL':
      return `https://discord.com/api/webhooks/${secret}`;
    case 'URL password':
      return `postgres://app:${secret}@db.internal:5432/app`;
    case 'URL password with @ and /':
      return `amqp://worker:${secret}@mq.internal:5672/jobs`;
    case 'URL password, empty user':
      return `redis://:${secret}@cache.internal:6379/0`;
    default:
      return secret;
  }
}

/** `text` as it reaches an event in each context. */
export const CONTEXTS: Readonly<Record<Context, (text: string) => string>> = {
  json: (text) =>
    `OpenAI API error (401): ${JSON.stringify({ error: { message: `rejected ${text}`, code: 401 } })}`,
  header: (text) =>
    `request failed:\r\n> POST /v1/chat HTTP/1.1\r\n> X-Debug-Context: ${text}\r\n> Accept: */*\r\n`,
  url: (text) => `GET https://api.example.com/v1/items?q=${text}&limit=5 failed (502)`,
  log: (text) => `2026-11-30T11:42:01.123Z ERROR worker[42]: call failed (${text}); retrying in 5s`,
};

/** Every run of `length` characters of `secret` (what a partial leak would show). */
export function pieces(secret: string, length = 8): string[] {
  const result: string[] = [];
  for (let start = 0; start + length <= secret.length; start++)
    result.push(secret.slice(start, start + length));
  return result;
}
