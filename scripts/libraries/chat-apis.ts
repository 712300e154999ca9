import { REST } from '@discordjs/rest';
import { WebClient } from '@slack/web-api';
import type { Answer, Loopback } from './loopback.js';
import {
  because,
  demotes,
  type LibraryDecision,
  type LibraryScenario,
  passes,
  thrownBy,
} from './scenario.js';

const RATE_LIMITED = (why: string): LibraryDecision => because(demotes('transient_upstream'), why);

function slack(name: string, expected: LibraryDecision, answer: Answer): LibraryScenario {
  return {
    library: '@slack/web-api',
    name,
    expected,
    run: (loopback: Loopback) => {
      loopback.answer(`/slack-${name}/api/chat.postMessage`, answer);
      const client = new WebClient('xoxb-corpus-token', {
        slackApiUrl: `${loopback.origin}/slack-${name}/api/`,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
      });
      return thrownBy(() => client.chat.postMessage({ channel: 'C0CORPUS', text: 'deploy finished' }));
    },
  };
}

/** Slack Web API answers (docs.slack.dev, "Rate limits" and chat.postMessage's errors). */
const slackScenarios: readonly LibraryScenario[] = [
  slack('rate-limited-429', RATE_LIMITED('Slack’s HTTP 429 with Retry-After: call again later'), {
    status: 429,
    body: { ok: false, error: 'ratelimited' },
    headers: { 'retry-after': '30' },
  }),
  slack('ratelimited-in-200', RATE_LIMITED('Slack’s `ratelimited` error in an HTTP 200 body (ok: false)'), {
    status: 200,
    body: { ok: false, error: 'ratelimited' },
  }),
  slack(
    'rate-limited-in-200',
    RATE_LIMITED('chat.postMessage’s `rate_limited`: the app posted too many messages to a channel'),
    { status: 200, body: { ok: false, error: 'rate_limited' } },
  ),
  slack('invalid-auth', because(passes, 'a wrong or revoked bot token: a misconfiguration'), {
    status: 200,
    body: { ok: false, error: 'invalid_auth' },
  }),
  slack('channel-not-found', because(passes, 'a channel the app names that does not exist: a bug'), {
    status: 200,
    body: { ok: false, error: 'channel_not_found' },
  }),
];

function discord(
  name: string,
  expected: LibraryDecision,
  answer: Answer,
  options: { readonly rejectOnRateLimit?: boolean } = {},
): LibraryScenario {
  return {
    library: '@discordjs/rest',
    name,
    expected,
    run: (loopback: Loopback) => {
      loopback.answer(`/discord-${name}/v10/channels/`, answer);
      const rest = new REST({
        api: `${loopback.origin}/discord-${name}`,
        retries: 0,
        ...(options.rejectOnRateLimit ? { rejectOnRateLimit: () => true } : {}),
      }).setToken('corpus-bot-token');
      return thrownBy(async () => {
        try {
          return await rest.post('/channels/123456789012345678/messages', {
            body: { content: 'deploy finished' },
          });
        } finally {
          rest.clearHashSweeper();
          rest.clearHandlerSweeper();
        }
      });
    },
  };
}

/** Discord REST answers (discord.com/developers/docs, "Rate Limits", "JSON Error Codes"). */
const discordScenarios: readonly LibraryScenario[] = [
  discord(
    'rate-limited',
    RATE_LIMITED('discord.js RateLimitError (rejectOnRateLimit): Discord’s 429, retry after retry_after'),
    {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.5, global: false, code: 0 },
      headers: {
        'retry-after': '1',
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.5',
        'x-ratelimit-bucket': 'corpus-bucket',
        'x-ratelimit-scope': 'user',
      },
    },
    { rejectOnRateLimit: true },
  ),
  discord('missing-permissions', because(passes, 'DiscordAPIError[50013]: the bot lacks a permission'), {
    status: 403,
    body: { message: 'Missing Permissions', code: 50013 },
  }),
  discord('unauthorized', because(passes, 'DiscordAPIError[0] 401: a wrong bot token, a misconfiguration'), {
    status: 401,
    body: { message: '401: Unauthorized', code: 0 },
  }),
  discord(
    'bad-gateway',
    because(
      demotes('transient_upstream'),
      "Discord's own 502: @discordjs/rest's HTTPError with its live status, or on replay its frames",
    ),
    { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
  ),
];

/** Chat and messaging APIs: rate limits (also in an HTTP 200) demoted, misconfiguration passes. */
export const chatApiScenarios: readonly LibraryScenario[] = [...slackScenarios, ...discordScenarios];
