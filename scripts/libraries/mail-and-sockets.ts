import { createServer, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import WebSocket from 'ws';
import { CLOSED_PORT, type Loopback } from './loopback.js';
import {
  because,
  decisionFields,
  demotes,
  type LibraryDecision,
  type LibraryScenario,
  passes,
  type SplitDecision,
  thrownBy,
  unnamedOnDevice,
} from './scenario.js';

/** Where a scripted SMTP session answers otherwise than `250`: the greeting, AUTH, RCPT TO or DATA's end. */
interface SmtpScript {
  readonly greeting?: string;
  readonly auth?: string;
  readonly rcpt?: string;
  readonly data?: string;
}

/**
 * A one-session SMTP relay on 127.0.0.1 (RFC 5321 replies, as Postfix words them) that answers one step
 * with the scripted reply; returns its port and a function that closes it.
 */
async function smtpRelay(script: SmtpScript): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply(script.greeting ?? '220 mail.example.test ESMTP Postfix');
    if (script.greeting?.startsWith('4')) {
      socket.end();
      return;
    }
    let inData = false;
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index = buffer.indexOf('\r\n');
      while (index !== -1) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        index = buffer.indexOf('\r\n');
        if (inData) {
          if (line === '.') {
            inData = false;
            reply(script.data ?? '250 2.0.0 Ok: queued as 4CORPUS');
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-mail.example.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME');
        else if (verb === 'HELO') reply('250 mail.example.test');
        else if (verb === 'AUTH') reply(script.auth ?? '235 2.7.0 Authentication successful');
        else if (verb === 'MAIL') reply('250 2.1.0 Ok');
        else if (verb === 'RCPT') reply(script.rcpt ?? '250 2.1.5 Ok');
        else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
        } else if (verb === 'RSET') reply('250 2.0.0 Ok');
        else reply('502 5.5.2 Error: command not recognized');
      }
    });
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function nodemailerScenario(
  name: string,
  expected: LibraryDecision,
  script: SmtpScript | undefined,
  auth = false,
): LibraryScenario {
  return {
    library: 'nodemailer',
    name,
    expected,
    run: async () => {
      const relay = script === undefined ? undefined : await smtpRelay(script);
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: relay?.port ?? CLOSED_PORT,
        secure: false,
        ignoreTLS: true,
        connectionTimeout: 2_000,
        ...(auth ? { auth: { user: 'app@example.test', pass: 'not-the-password' } } : {}),
      });
      try {
        return await thrownBy(() =>
          transport.sendMail({
            from: 'app@example.test',
            to: 'user@example.com',
            subject: 'Your receipt',
            text: 'Thank you for your order.',
          }),
        );
      } finally {
        transport.close();
        await relay?.close();
      }
    },
  };
}

const DEFERRED = (why: string): LibraryDecision =>
  because({ outcome: 'breadcrumb', kind: 'mail_deferred' }, why);

/** nodemailer against a relay: 4xx replies are deferrals (try again later), 5xx are rejections. */
const nodemailerScenarios: readonly LibraryScenario[] = [
  nodemailerScenario(
    'rcpt-greylisted',
    DEFERRED('SMTP 450 at RCPT TO: greylisting, the relay accepts the same message a few minutes later'),
    {
      rcpt: '450 4.2.0 <user@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html',
    },
  ),
  nodemailerScenario(
    'data-try-later',
    DEFERRED('SMTP 451 after DATA: a temporary local error, retry later'),
    { data: '451 4.3.0 Error: queue file write error, please try again later' },
  ),
  nodemailerScenario(
    'insufficient-storage',
    DEFERRED('SMTP 452 at RCPT TO: the relay is momentarily out of storage'),
    { rcpt: '452 4.3.1 Insufficient system storage' },
  ),
  nodemailerScenario(
    'greeting-unavailable',
    DEFERRED('SMTP 421 greeting: the relay is not taking connections now, retry later'),
    { greeting: '421 4.3.2 Service not available, closing transmission channel' },
  ),
  nodemailerScenario(
    'rcpt-user-unknown',
    because(passes, 'SMTP 550: the recipient does not exist, a permanent rejection the app must see'),
    {
      rcpt: '550 5.1.1 <user@example.com>: Recipient address rejected: User unknown in virtual mailbox table',
    },
  ),
  nodemailerScenario(
    'data-rejected',
    because(passes, 'SMTP 554 after DATA: the message was refused (policy or spam), permanent'),
    { data: '554 5.7.1 Message rejected: spam content detected' },
  ),
  nodemailerScenario(
    'auth-failed',
    because(passes, 'SMTP 535: the relay rejects the app’s credentials, a misconfiguration'),
    { auth: '535 5.7.8 Error: authentication failed: authentication failure' },
    true,
  ),
  {
    ...nodemailerScenario(
      'connection-refused',
      because(passes, 'the mail relay is down: an outage, and nodemailer’s message is Node’s own words'),
      undefined,
    ),
    ideal: unnamedOnDevice('connection_refused'),
  },
];

function wsScenario(
  name: string,
  decision: LibraryDecision | SplitDecision,
  status: number,
): LibraryScenario {
  return {
    library: 'ws',
    name,
    ...decisionFields(decision),
    run: async (loopback: Loopback) => {
      const url = loopback
        .answer(`/ws-${name}/socket`, { status, body: { error: `status ${status}` } })
        .replace(/^http/, 'ws');
      const socket = new WebSocket(url, { handshakeTimeout: 2_000 });
      return new Promise((resolve, reject) => {
        socket.once('error', resolve);
        socket.once('open', () => {
          socket.close();
          reject(new Error('the handshake succeeded'));
        });
      });
    },
  };
}

const gatewayOnDevice = (status: number): SplitDecision => ({
  expected: because(
    passes,
    `a ${status} at the handshake on a server may be the app's own socket service failing`,
  ),
  device: {
    outcome: 'breadcrumb',
    kind: 'transient_upstream',
    why: `on a device a ${status} at the handshake is the gateway answering while the server restarts; the client reconnects`,
  },
});

/** ws: a handshake the server answers with a status instead of 101. */
const wsScenarios: readonly LibraryScenario[] = [
  wsScenario('handshake-502', gatewayOnDevice(502), 502),
  wsScenario('handshake-503', gatewayOnDevice(503), 503),
  wsScenario(
    'handshake-429',
    because(
      demotes('transient_upstream'),
      'a 429 at the handshake asks the client to reconnect later, wherever it runs',
    ),
    429,
  ),
  wsScenario('handshake-500', because(passes, 'a 500 at the handshake is a bug in the socket server'), 500),
  wsScenario(
    'handshake-401',
    because(passes, 'a 401 at the handshake: the client sent no valid credentials, the app decides'),
    401,
  ),
];

/** Mail and websockets. */
export const mailAndSocketScenarios: readonly LibraryScenario[] = [...nodemailerScenarios, ...wsScenarios];
