import { describe, expect, it } from 'vitest';
import { type Classification, outcomeOf, passReasonOf } from '../../src/index.js';

const demote: Classification = {
  kind: 'session_expired',
  action: 'breadcrumb',
  rule: 'expired',
  summary: 'redacted',
};
const guard: Classification = { kind: 'byo_key', action: 'report', rule: 'key', summary: 'redacted' };
const captured = (mechanism: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) => ({
  exception: { values: [{ type: 'Error', value: 'Session expired', ...(mechanism ? { mechanism } : {}) }] },
  ...extra,
});

describe('outcomeOf: crashes, not handled: false, are guarded', () => {
  // The mechanism types of the SDKs' framework and browser handlers (read in @sentry/node, @sentry/nextjs,
  // @sentry/nestjs and @sentry/browser 11): they capture route and page errors with handled: false, and
  // the process goes on. The rules decide them.
  it.each([
    'auto.http.express',
    'auto.middleware.express',
    'auto.middleware.koa',
    'auto.http.hono.context_error',
    'auto.middleware.hono',
    'auto.function.fastify',
    'auto.http.nestjs.global_filter',
    'auto.function.nextjs.on_request_error',
    'auto.rpc.trpc.middleware',
    'auto.queue.bullmq',
    'auto.browser.global_handlers.onerror',
    'auto.browser.global_handlers.onunhandledrejection',
    'generic',
    'a.mechanism.nobody.knows',
  ])('decides a route or page error captured as %s (handled: false) by the rules', (type) => {
    expect(outcomeOf(demote, captured({ type, handled: false }))).toBe('breadcrumb');
    expect(passReasonOf(demote, captured({ type, handled: false }))).toBeUndefined();
  });

  // Node's process-level handlers (with and without the `auto.node.` prefix of @sentry/node 10+), a dying
  // worker thread, Deno's global handlers.
  it.each([
    'auto.node.onuncaughtexception',
    'auto.node.onunhandledrejection',
    'onuncaughtexception',
    'onunhandledrejection',
    'auto.node.worker_threads',
    'auto.child_process.worker_thread',
    'auto.deno.global_handlers.error',
    'auto.deno.global_handlers.unhandledrejection',
  ])('sends a crash captured as %s, unless the rule sets uncaught: true', (type) => {
    const event = captured({ type, handled: false });
    expect(outcomeOf(demote, event)).toBe('pass');
    expect(passReasonOf(demote, event)).toBe('crash');
    expect(outcomeOf({ ...demote, uncaught: true }, event)).toBe('breadcrumb');
  });

  it('sends an event at level fatal, whatever its mechanism', () => {
    expect(outcomeOf(demote, captured(undefined, { level: 'fatal' }))).toBe('pass');
    expect(passReasonOf(demote, captured(undefined, { level: 'fatal' }))).toBe('crash');
  });

  it('decides an event without a mechanism, or with a broken one, by the rules', () => {
    for (const mechanism of [undefined, { handled: false }, { type: 42, handled: false }, { type: null }]) {
      expect(outcomeOf(demote, captured(mechanism as Record<string, unknown> | undefined))).toBe(
        'breadcrumb',
      );
    }
    expect(outcomeOf(demote, { exception: { values: [null, 'x', { mechanism: null }] } })).toBe('breadcrumb');
  });

  it('finds a crash anywhere in the chain (the SDK puts the mechanism on the captured exception)', () => {
    const event = {
      exception: {
        values: [
          { type: 'RateLimitError', value: '429', mechanism: { type: 'chained', source: 'cause' } },
          { type: 'Error', value: 'Session expired', mechanism: { type: 'auto.node.onuncaughtexception' } },
        ],
      },
    };
    expect(outcomeOf(demote, event)).toBe('pass');
  });
});

describe('passReasonOf', () => {
  it('says guard for a report rule, sampled for a recorded sampled event, nothing for no claim', () => {
    expect(passReasonOf(guard, captured(undefined))).toBe('guard');
    expect(
      passReasonOf(
        demote,
        captured(undefined, {
          tags: { 'expected_error.sampled': 'true', 'expected_error.kind': 'session_expired' },
        }),
      ),
    ).toBe('sampled');
    expect(passReasonOf(undefined, captured(undefined))).toBeUndefined();
    expect(passReasonOf(demote, captured(undefined))).toBeUndefined();
  });
});
