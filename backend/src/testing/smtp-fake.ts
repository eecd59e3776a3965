import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string | null;
  headers: Map<string, unknown>;
}

/**
 * An SMTP server (`smtp-server`) on a local port that accepts mail for anyone after AUTH PLAIN/
 * LOGIN with the given user, parses it (`mailparser`) and keeps it. It can refuse the next N
 * messages with a temporary (451) or permanent (550) reply.
 */
export class SmtpFake {
  readonly mails: ReceivedMail[] = [];
  readonly #server: SMTPServer;
  readonly #credentials: string;
  #refusals: { remaining: number; code: number } = { remaining: 0, code: 451 };

  private constructor(user: string, pass: string) {
    this.#credentials = `${user}:${pass}`;
    this.#server = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // close() otherwise waits 30 s for clients that keep their connection.
      closeTimeout: 100,
      onAuth(auth, _session, cb) {
        if (auth.username === user && auth.password === pass) return cb(null, { user });
        return cb(new Error('Invalid username or password'));
      },
      onData: (stream, session, cb) => {
        void this.#receive(stream, session).then(
          () => cb(),
          (err: Error & { responseCode?: number }) => cb(err),
        );
      },
    });
  }

  static async start(opts: { user?: string; pass?: string } = {}): Promise<SmtpFake> {
    const fake = new SmtpFake(opts.user ?? 'voz', opts.pass ?? 'smtp-pass');
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** `smtp://user:pass@127.0.0.1:<port>`, for SMTP_URL. */
  get url(): string {
    return `smtp://${this.#credentials}@127.0.0.1:${(this.#server.server.address() as AddressInfo).port}`;
  }

  /** The next `n` messages get `code` (451: try later; 550: never). */
  refuseNext(n: number, code = 451): void {
    this.#refusals = { remaining: n, code };
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  async #receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(stream);
    if (this.#refusals.remaining > 0) {
      this.#refusals.remaining--;
      throw Object.assign(new Error(this.#refusals.code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: this.#refusals.code });
    }
    this.mails.push({
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: session.envelope.rcptTo.map((r) => r.address),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      messageId: parsed.messageId ?? null,
      headers: parsed.headers as Map<string, unknown>,
    });
  }
}
