// The page test/browser/minified-libraries.test.ts loads in Chromium, built minified as an app's production
// build is (class names mangled): @sentry/browser with `recommendedRules()` and nothing else, then real
// libraries failing the way they do in a web app — jose verifying an expired session token and a forged
// one, the OpenAI and Anthropic SDKs (browser builds) answered with a rate limit, an overload and a
// rejected key, ky answered with a 500 from the app's own backend, fetch to a host that refuses the
// connection — and a real bug. Each failure is captured as an app's error boundary would.
import Anthropic from '@anthropic-ai/sdk';
import * as Sentry from '@sentry/browser';
import { errors, jwtVerify, SignJWT } from 'jose';
import ky from 'ky';
import OpenAI from 'openai';
import { expectedErrorsIntegration, recommendedRules } from 'sentry-expected-errors';

declare global {
  interface Window {
    /** Set when every scenario has run and been sent; the test waits for it. */
    scenarioDone?: boolean;
    /** The names the minified build gave the libraries' error classes, for the test to check. */
    errorNames?: string[];
  }
}

const parameters = new URLSearchParams(location.search);

Sentry.init({
  dsn: parameters.get('dsn') ?? undefined,
  integrations: [expectedErrorsIntegration({ rules: recommendedRules() })],
});

const secret = new TextEncoder().encode('a-session-secret-of-at-least-32-bytes!');
const openai = new OpenAI({
  apiKey: 'sk-test',
  baseURL: `${location.origin}/openai/v1`,
  maxRetries: 0,
  dangerouslyAllowBrowser: true,
});
const anthropic = new Anthropic({
  apiKey: 'sk-ant-test',
  baseURL: `${location.origin}/anthropic`,
  maxRetries: 0,
  dangerouslyAllowBrowser: true,
});

/** Runs one scenario, captures what it threw as an app's error boundary would, and waits until it is sent. */
async function scenario(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    Sentry.captureException(error);
  }
  await Sentry.flush(2_000);
}

async function run(): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const expired = await new SignJWT({ sub: 'user-1' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now - 7_200)
    .setExpirationTime(now - 3_600)
    .sign(secret);
  window.errorNames = [new errors.JWTExpired('x', {}).name];
  await scenario(() => jwtVerify(expired, secret));
  const forged = `${expired.slice(0, expired.lastIndexOf('.'))}.${'A'.repeat(43)}`;
  await scenario(() => jwtVerify(forged, secret));
  await scenario(() =>
    openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'rate' }] }),
  );
  await scenario(() =>
    openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'key' }] }),
  );
  await scenario(() =>
    anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'busy' }],
    }),
  );
  await scenario(() => ky.get(`${location.origin}/api/resource`, { retry: 0 }).json());
  await scenario(() => fetch(parameters.get('refused') ?? 'http://127.0.0.1:9/'));
  // A real bug.
  await scenario(async () => {
    const conversation = JSON.parse('{}') as { messages?: Array<{ id: string }> };
    return (conversation.messages as Array<{ id: string }>)[0]?.id;
  });
  window.scenarioDone = true;
}

void run();
