/**
 * A local SMTP server for mail tests (smtp-server on 127.0.0.1, a free port): it takes mail from one login and
 * keeps each message whole; a wrong login is refused (535) and counted. No TLS: the mailer is set to `none`.
 */
import { SMTPServer } from 'smtp-server';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export async function startSmtp(login = { user: 'reports', password: 'right horse' }) {
  const mails: ReceivedMail[] = [];
  let refusedLogins = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === login.user && auth.password === login.password) return done(null, { user: auth.username });
      refusedLogins++;
      done(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    mails,
    refusedLogins: () => refusedLogins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The attachments of a raw MIME message, by file name, decoded from base64 (what a mail client would save). */
export function attachmentsOf(raw: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [head, ...body] = part.split(/\r?\n\r?\n/);
    const name = /filename="?([^";\r\n]+)"?/.exec(head)?.[1];
    if (!name || !/Content-Transfer-Encoding:\s*base64/i.test(head)) continue;
    found.set(name, Buffer.from(body.join('\n').split(/\r?\n--/)[0].replace(/\s+/g, ''), 'base64'));
  }
  return found;
}
