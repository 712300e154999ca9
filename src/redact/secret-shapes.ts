/**
 * The secret shapes `redactSecrets` removes, one entry per credential, each naming where its shape comes
 * from (most follow the gitleaks default rule set, `config/gitleaks.toml`, by rule id).
 *
 * Every pattern costs time linear in the text it scans, whatever the text:
 * - it starts with a boundary group that consumes one character *outside* the secret's alphabet (or the
 *   start of the text), so inside a long run of secret-like characters every start position fails after
 *   one character instead of scanning the run again (the cause of the quadratic `a.a.a…` case);
 * - every quantifier is bounded; a secret longer than the bound is still removed whole, because the
 *   match is extended over the rest of its alphabet (`tail`) instead of being cut.
 * Group 1 is that boundary and group 2 a label kept in front of the replacement (`Bearer `, `password=`);
 * the rest of the match is the secret.
 */

/** A test for one UTF-16 code unit: does it still belong to the secret? */
export type CharTest = (code: number) => boolean;

/** One credential shape (the comment above each names the credential and where its shape comes from). */
export interface SecretShape {
  readonly pattern: RegExp;
  /** Stands in for the secret (the label of group 2 stays in front of it). */
  readonly replacement: string;
  /** Characters that still belong to the secret when the bounded match stops. */
  readonly tail?: CharTest;
  /**
   * Case-sensitive literals every match starts with: the shape is skipped when none is in the text, and a
   * summary never ends on one of them (a recognisable start of a secret, cut before it could match).
   */
  readonly prefixes?: readonly string[];
  /**
   * Literals of which every match holds at least one (case-sensitive), for shapes without `prefixes`: the
   * shape is skipped when none is in the text. Only a shortcut: it never changes what is redacted.
   */
  readonly contains?: readonly string[];
  /** As `contains`, compared with the text in ASCII lower case (for case-insensitive patterns). */
  readonly containsFolded?: readonly string[];
  /** A cheaper pattern that every match of `pattern` also matches: the shape is skipped when it fails. */
  readonly gate?: RegExp;
}

const isAlphanumeric: CharTest = (code) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** base64url: letters, digits, `_` and `-`. */
export const isBase64Url: CharTest = (code) => isAlphanumeric(code) || code === 95 || code === 45;
/** What an opaque token is made of: base64url plus `. ~ + / =`. */
export const isTokenChar: CharTest = (code) =>
  isBase64Url(code) || code === 46 || code === 126 || code === 43 || code === 47 || code === 61;
const isJwtChar: CharTest = (code) => isBase64Url(code) || code === 61;
/** A JWT longer than the bounds goes on over its segments. */
const isJwtTail: CharTest = (code) => isJwtChar(code) || code === 46;
const isGitLabChar: CharTest = (code) => isBase64Url(code) || code === 46;
/** An unquoted value in `key=value`: anything up to whitespace or `" ' & , ; } < > \`. */
const isBareValueChar: CharTest = (code) => code > 32 && !'"\'&,;}<>\\'.includes(String.fromCharCode(code));

const isSpace: CharTest = (code) => code === 32 || (code >= 9 && code <= 13);

/**
 * Names of keys whose value is a credential, in query strings, headers, JSON, YAML and `KEY=value` logs
 * (gitleaks `generic-api-key` keywords, narrowed to names that hold a credential; `SECRET_KEY` is Django's,
 * `private_token` GitLab's, `private_key_id` a GCP service-account key's). A key may carry up to four
 * prefixes (`DJANGO_SECRET_KEY`, `x-goog-api-key`, `db.password`).
 */
const KEY_NAMES =
  '(?:[A-Za-z0-9]{1,32}[_.-]{1,2}){0,4}(?:api[_-]?(?:key|token|secret)|apikey|access[_-]?(?:token|key)|' +
  'secret[_-]?(?:access[_-]?)?key|refresh[_-]?token|id[_-]?token|auth[_-]?token|session[_-]?token|' +
  'private[_-]?token|private[_-]?key(?:[_-]?id)?|client[_-]?secret|app[_-]?secret|webhook[_-]?secret|' +
  'account[_-]?key|shared[_-]?access[_-]?key|subscription[_-]?key|secret|token|password|passwd|' +
  'passphrase|pwd|signature|sig|authorization|credentials?|' +
  // camelCase and run-together names (`adobeToken`, `herokuapikey`), only with the unambiguous cores:
  // `key` alone would take `monkey`.
  '[A-Za-z0-9]{1,32}(?:token|secret|password|passwd|credentials?|api[_-]?key|access[_-]?key))';
/** One of these is in every name of `KEY_NAMES`, in lower case. */
const KEY_NAME_CORES = ['key', 'token', 'secret', 'pass', 'pwd', 'sig', 'authorization', 'credential'];
/**
 * The last of those in a key name, the rest of the name (at most `phrase` of `passphrase`), then the start
 * of `ASSIGNMENT`'s operator: every assignment holds this.
 */
const ASSIGNMENT_GATE =
  /(?:key|token|secret|pass|pwd|sig|authorization|credential)[a-z_-]{0,8}\\?["'`]?(?:[ \t]{1,8}string)?[ \t]{0,8}[:=?.+,]/i;
/**
 * `key`, an optional closing quote and Go's `string` type, then `:`, `=`, `:=`, `=>`, Make's `::=`, `:::=`,
 * `?=`, PHP's `.=` or `+=`; the quoted shapes also take `"key", "value"` (`System.setProperty`).
 */
const OPERATOR = `\\\\?["'\`]?(?:[ \\t]{1,8}string)?[ \\t]{0,8}(?:=>|:{1,3}=|[?.+]=|[:=])`;
const ASSIGNMENT = `((?:${KEY_NAMES})${OPERATOR}[ \\t]{0,8}`;
const QUOTED_ASSIGNMENT = `((?:${KEY_NAMES})(?:${OPERATOR}|\\\\?["'][ \\t]{0,8},)[ \\t]{0,8}`;
/** An `Authorization` value keeps its scheme: the scheme shapes below redact what follows it. */
const NOT_A_SCHEME = '(?!\\[redacted|(?:Bearer|Basic|Token|Digest)[ \\t])';

export const SECRET_SHAPES: readonly SecretShape[] = [
  {
    // PEM private key:
    // gitleaks `private-key`: a PEM block, also without its END line (a text cut inside the block). The
    // label is words separated by single spaces, so it is read one way only (a class of `[ A-Z-]{0,100}`
    // before `PRIVATE KEY` was tried at 100 lengths per `-----BEGIN`); no boundary is needed, as the
    // literal start fails within ten characters, and none lets a block right after another be missed.
    pattern:
      /()()-----BEGIN(?: [A-Z0-9_-]{1,24}){0,4} PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----)){0,16384}(?:-----END(?: [A-Z0-9_-]{1,24}){0,4} PRIVATE KEY(?: BLOCK)?-----)?/g,
    replacement: '[redacted-private-key]',
    prefixes: ['-----BEGIN'],
  },
  {
    // Cookie / Set-Cookie / Ocp-Apim-Subscription-Key header, quoted:
    // Cookies (RFC 6265) and Azure API Management's subscription key: the whole header value, to the end
    // of the line or the closing quote.
    pattern:
      /(^|[^A-Za-z0-9_-])((?:set-cookie|cookie|ocp-apim-subscription-key)\\?["']?[ \t]{0,8}:[ \t]{0,8}\\?["'])(?!\[redacted)[^"'\\\r\n]{1,4096}/gi,
    replacement: '[redacted]',
    containsFolded: ['cookie', 'ocp-apim-subscription-key'],
  },
  {
    // Cookie / Set-Cookie / Ocp-Apim-Subscription-Key header line
    pattern:
      /(^|[^A-Za-z0-9_-])((?:set-cookie|cookie|ocp-apim-subscription-key)[ \t]{0,8}:[ \t]{0,8})(?![ \t"'\\]|\[redacted)[^\r\n]{1,4096}/gi,
    replacement: '[redacted]',
    containsFolded: ['cookie', 'ocp-apim-subscription-key'],
  },
  {
    // key = "value" (double-quoted):
    // gitleaks `generic-api-key`: `"password": "correct horse"`, `{\"api_key\":\"…\"}`.
    pattern: new RegExp(
      `(^|[^A-Za-z0-9_.-])${QUOTED_ASSIGNMENT}\\\\?")${NOT_A_SCHEME}(?:[^"\\\\\\r\\n]|\\\\[^"\\r\\n]){1,1024}`,
      'gi',
    ),
    replacement: '[redacted]',
    containsFolded: KEY_NAME_CORES,
    gate: ASSIGNMENT_GATE,
  },
  {
    // key = 'value' (single-quoted or backticks):
    // Also Go's raw strings: `key := \`value\``.
    pattern: new RegExp(
      `(^|[^A-Za-z0-9_.-])${QUOTED_ASSIGNMENT}['\`])${NOT_A_SCHEME}[^'\`\\r\\n]{1,1024}`,
      'gi',
    ),
    replacement: '[redacted]',
    containsFolded: KEY_NAME_CORES,
    gate: ASSIGNMENT_GATE,
  },
  {
    // key=value (unquoted):
    // Query strings (`?api_key=…&`), headers (`X-Api-Key: …`), env files (`SECRET_KEY=…`), logfmt.
    pattern: new RegExp(
      `(^|[^A-Za-z0-9_.-])${ASSIGNMENT})${NOT_A_SCHEME}(?![\\[{(\\\\"'\`:])[^\\s"'&,;}<>\\\\]{1,1024}`,
      'gi',
    ),
    replacement: '[redacted]',
    containsFolded: KEY_NAME_CORES,
    gate: ASSIGNMENT_GATE,
    tail: isBareValueChar,
  },
  {
    // <key>value</key>:
    // An XML element named like a credential: `<apiToken>value</apiToken>`, also across lines.
    pattern: new RegExp(`(<)((?:${KEY_NAMES})>\\s{0,64})(?!\\[redacted)[^<\\s]{1,1024}`, 'gi'),
    replacement: '[redacted]',
    containsFolded: KEY_NAME_CORES,
    contains: ['>'],
    tail: (code) => code !== 60 && !isSpace(code),
  },
  {
    // Authorization scheme (Bearer, Basic, Token):
    // RFC 7617 Basic, RFC 6750 Bearer, and the `Token` scheme of Django REST framework / GitHub.
    pattern: /(^|[^A-Za-z0-9_-])((?:[Bb]earer|BEARER|Basic|Token)[ \t]{1,16})[A-Za-z0-9._~+/=-]{6,4096}/g,
    replacement: '[redacted]',
    contains: ['earer', 'BEARER', 'Basic', 'Token'],
    tail: isTokenChar,
  },
  {
    // Authorization: Digest parameters:
    // RFC 7616 Digest: the parameter list carries `response=` (a hash of the password) and `cnonce`.
    pattern: /(^|[^A-Za-z0-9_-])(Digest[ \t]{1,16})(?=[A-Za-z]{1,32}=)[^\r\n]{1,4096}/g,
    replacement: '[redacted]',
    contains: ['Digest'],
  },
  {
    // Digest response= outside its header
    pattern: /(^|[^A-Za-z0-9_.-])(response[ \t]{0,8}=[ \t]{0,8}\\?"?)[0-9a-fA-F]{32,128}/g,
    replacement: '[redacted]',
    contains: ['response'],
  },
  {
    // OpenAI / Anthropic / OpenRouter key (sk-):
    // gitleaks `openai-api-key`, `anthropic-api-key`, `anthropic-admin-api-key`; also OpenRouter and
    // DeepSeek keys, which share the `sk-` prefix.
    pattern: /(^|[^A-Za-z0-9_-])(sk-)[A-Za-z0-9_-]{8,1024}/g,
    replacement: '[redacted]',
    tail: isBase64Url,
    prefixes: ['sk-'],
  },
  {
    // OpenAI session key (sess-):
    // OpenAI session keys of the web app (`sess-` + 40 characters).
    pattern: /(^|[^A-Za-z0-9_-])(sess-)[A-Za-z0-9]{20,512}/g,
    replacement: '[redacted]',
    tail: isAlphanumeric,
    prefixes: ['sess-'],
  },
  {
    // Groq / Replicate / Perplexity / xAI key:
    // Groq (`gsk_`), Replicate (`r8_`), Perplexity (gitleaks `perplexity-api-key`, `pplx-`), xAI (`xai-`).
    pattern: /(^|[^A-Za-z0-9_-])()(?:gsk_|r8_|pplx-|xai-)[A-Za-z0-9]{20,512}/g,
    replacement: '[redacted-api-key]',
    tail: isAlphanumeric,
    prefixes: ['gsk_', 'r8_', 'pplx-', 'xai-'],
  },
  {
    // Google API key:
    // gitleaks `gcp-api-key` (`AIza` + 35).
    pattern: /(^|[^A-Za-z0-9_-])()AIza[0-9A-Za-z_-]{30,512}/g,
    replacement: '[redacted-google-key]',
    tail: isBase64Url,
    prefixes: ['AIza'],
  },
  {
    // Google OAuth token or client secret:
    // Google OAuth 2.0 access tokens (`ya29.`), refresh tokens (`1//0`) and client secrets (`GOCSPX-`).
    pattern: /(^|[^A-Za-z0-9_.-])()(?:ya29\.|1\/\/0|GOCSPX-)[0-9A-Za-z_-]{10,4096}/g,
    replacement: '[redacted-google-token]',
    tail: isTokenChar,
    prefixes: ['ya29.', '1//0', 'GOCSPX-'],
  },
  {
    // AWS access key id:
    // gitleaks `aws-access-token`, with the other IAM unique-id prefixes.
    pattern:
      /(^|[^A-Za-z0-9_-])()(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    replacement: '[redacted-aws-key]',
    prefixes: ['A3T', 'AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA'],
  },
  {
    // Azure AD client secret:
    // gitleaks `azure-ad-client-secret` (`xxx8Q~` + 31–34).
    pattern: /(^|[^A-Za-z0-9_~.-])()[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}/g,
    replacement: '[redacted-azure-secret]',
    contains: ['Q~'],
    tail: (code) => isBase64Url(code) || code === 126 || code === 46,
  },
  {
    // GitHub token:
    // gitleaks `github-pat`, `github-oauth`, `github-app-token`, `github-refresh-token`,
    // `github-fine-grained-pat`.
    pattern: /(^|[^A-Za-z0-9_-])()(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})/g,
    replacement: '[redacted-github-token]',
    tail: isBase64Url,
    prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  {
    // GitLab token:
    // gitleaks `gitlab-pat`, `gitlab-pat-routable`, `gitlab-deploy-token`, `gitlab-ptt`, `gitlab-rrt`…
    pattern:
      /(^|[^A-Za-z0-9_-])()(?:gl(?:pat|dt|ptt|rt|soat|ffct|ft|imt|oas|agent|cbt)-|GR1348941)[A-Za-z0-9_-]{20,300}/g,
    replacement: '[redacted-gitlab-token]',
    tail: isGitLabChar,
    prefixes: [
      'glpat-',
      'gldt-',
      'glptt-',
      'glrt-',
      'glsoat-',
      'glffct-',
      'glft-',
      'glimt-',
      'gloas-',
      'glagent-',
      'glcbt-',
      'GR1348941',
    ],
  },
  {
    // Slack token:
    // gitleaks `slack-bot-token`, `slack-user-token`, `slack-app-token`, `slack-legacy-*`.
    pattern: /(^|[^A-Za-z0-9_-])()(?:xox[abposre]-|xapp-[0-9]-)[A-Za-z0-9-]{10,512}/g,
    replacement: '[redacted-slack-token]',
    tail: (code) => isAlphanumeric(code) || code === 45,
    prefixes: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe-', 'xapp-'],
  },
  {
    // Slack / Discord webhook URL:
    // gitleaks `slack-webhook-url`, and Discord's webhook URLs.
    pattern:
      /(^|[^A-Za-z0-9_.-])((?:https?:\/\/)?(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/|(?:discord|discordapp)\.com\/api\/webhooks\/))[A-Za-z0-9+/_-]{20,512}/g,
    replacement: '[redacted]',
    contains: ['hooks.slack.com/', 'discord'],
    tail: (code) => isBase64Url(code) || code === 47 || code === 43,
  },
  {
    // Discord bot token:
    // Discord bot tokens: base64 user id, timestamp and HMAC, dot-separated.
    pattern: /(^|[^A-Za-z0-9_-])()[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}/g,
    replacement: '[redacted-discord-token]',
    contains: ['.'],
    tail: isBase64Url,
  },
  {
    // Telegram bot token:
    // gitleaks `telegram-bot-api-token`: `123456789:AA…` (also inside `api.telegram.org/bot<token>/`).
    pattern: /(^|[^0-9])()[0-9]{5,16}:A[A-Za-z0-9_-]{34}(?![A-Za-z0-9_-])/g,
    replacement: '[redacted-telegram-token]',
    contains: [':A'],
  },
  {
    // Stripe key:
    // gitleaks `stripe-access-token` (secret and restricted keys), and webhook signing secrets.
    pattern: /(^|[^A-Za-z0-9_-])()(?:[sr]k_(?:live|test|prod)_|whsec_)[A-Za-z0-9]{10,255}/g,
    replacement: '[redacted-stripe-key]',
    tail: isAlphanumeric,
    prefixes: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_', 'whsec_'],
  },
  {
    // Twilio API key:
    // gitleaks `twilio-api-key`.
    pattern: /(^|[^A-Za-z0-9_-])()SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/g,
    replacement: '[redacted-twilio-key]',
    contains: ['SK'],
  },
  {
    // SendGrid API key:
    // gitleaks `sendgrid-api-token` (`SG.` + 22 + `.` + 43).
    pattern: /(^|[^A-Za-z0-9_-])()SG\.[A-Za-z0-9_-]{16,128}(?:\.[A-Za-z0-9_=-]{16,256})?/g,
    replacement: '[redacted-sendgrid-key]',
    tail: isJwtChar,
    prefixes: ['SG.'],
  },
  {
    // npm token:
    // gitleaks `npm-access-token`.
    pattern: /(^|[^A-Za-z0-9_-])()npm_[A-Za-z0-9]{30,255}/g,
    replacement: '[redacted-npm-token]',
    tail: isAlphanumeric,
    prefixes: ['npm_'],
  },
  {
    // PyPI token:
    // gitleaks `pypi-upload-token` (PyPI and TestPyPI macaroons both start `pypi-AgE`).
    pattern: /(^|[^A-Za-z0-9_-])()pypi-AgE[A-Za-z0-9_-]{50,4096}/g,
    replacement: '[redacted-pypi-token]',
    tail: isBase64Url,
    prefixes: ['pypi-AgE'],
  },
  {
    // Hugging Face token:
    // gitleaks `huggingface-access-token`, `huggingface-organization-api-token`.
    pattern: /(^|[^A-Za-z0-9_-])()(?:hf_|api_org_)[A-Za-z0-9]{20,255}/g,
    replacement: '[redacted-huggingface-token]',
    tail: isAlphanumeric,
    prefixes: ['hf_', 'api_org_'],
  },
  {
    // JSON Web Token:
    // gitleaks `jwt`: header and payload are base64url JSON (`ey…`); the signature may be cut off.
    pattern:
      /(^|[^A-Za-z0-9_-])()eyJ[A-Za-z0-9_-]{5,4096}\.ey[A-Za-z0-9_-]{5,16384}(?:\.[A-Za-z0-9_=-]{0,4096})?/g,
    replacement: '[redacted-jwt]',
    tail: isJwtTail,
    prefixes: ['eyJ'],
  },
];
