import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './test-app';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId?: string;
  parsed: ParsedMail;
}

/** A real SMTP server on a free local port that keeps what it receives, for tests to read. */
export async function startSmtpServer(port = 0) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId,
            parsed,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const bound = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    received,
    /** Every message received by `to`, in order. */
    to: (address: string) => received.filter((m) => m.to.includes(address.toLowerCase())),
    /** Waits until `to` has received a message whose subject matches. */
    waitFor: (address: string, subject: RegExp) =>
      waitFor(async () => received.find((m) => m.to.includes(address.toLowerCase()) && subject.test(m.subject)), `mail "${subject}" to ${address}`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first mailed link to `path` (it travels in the URL fragment). */
export function linkToken(text: string, path: string): string {
  const m = text.match(new RegExp(`${path}#token=([A-Za-z0-9_-]+)`));
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return m[1];
}
