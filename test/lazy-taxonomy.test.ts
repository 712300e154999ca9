import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedErrorsIntegration } from '../src/index.js';
import { captureTransport } from './helpers/capture-transport.js';

afterEach(async () => {
  await Sentry.close();
});

function initWith(options: Parameters<typeof expectedErrorsIntegration>[0]) {
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: captureTransport().transport,
    integrations: [expectedErrorsIntegration(options)],
  });
  const client = Sentry.getClient() as Sentry.NodeClient;
  const integration = client.getIntegrationByName('ExpectedErrors');
  if (!integration?.processEvent) throw new Error('the integration is not installed');
  const processEvent = integration.processEvent.bind(integration);
  return (event: Sentry.Event) => processEvent(event, {}, client);
}

const overloaded = (): Sentry.Event => ({
  exception: { values: [{ type: 'Error', value: 'Anthropic API error (529): {"type":"overloaded_error"}' }] },
});

describe('expectedErrorsIntegration (the taxonomy loaded on demand)', () => {
  it('answers synchronously when no option needs the taxonomy', () => {
    const processEvent = initWith({ rules: [] });
    const event = overloaded();

    expect(processEvent(event)).toBe(event);
  });

  it("with upstreamTags: 'tag', an event that arrives while the taxonomy loads waits for it and is tagged", async () => {
    const processEvent = initWith({ upstreamTags: 'tag' });

    const first = processEvent(overloaded());
    expect(first).toBeInstanceOf(Promise);
    expect((await first)?.tags).toEqual({ 'upstream.type': 'overloaded', 'upstream.retryable': 'true' });
    // Once loaded, events are decided synchronously again.
    const second = processEvent(overloaded());
    expect(second).not.toBeInstanceOf(Promise);
    expect((second as Sentry.Event).tags).toMatchObject({ 'upstream.type': 'overloaded' });
  });
});
