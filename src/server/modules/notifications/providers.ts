import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '../../../shared/validators/phone.js';

/** One text message ready to go out. */
export interface OutgoingMessage {
  id: string;
  phone: string;
  text: string;
  template: string;
}

/** Where text messages go. `send` resolves when the provider has taken the message, throws otherwise. */
export interface NotificationProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** The six digits of a sign-in code in a message's text, or null. */
const signInCode = (message: OutgoingMessage): string | null =>
  message.template === 'otp' ? (/\d{6}/.exec(message.text)?.[0] ?? null) : null;

/**
 * The default: writes each message to the console, so a district without an SMS gateway (and a
 * developer) can read sign-in codes. The number is masked; the text is whole. A sign-in code is
 * the one line a newcomer looks for (the README sends them here), so it is framed to stand out
 * among the log lines.
 */
export class ConsoleProvider implements NotificationProvider {
  readonly name = 'console';
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(line)) {}

  async send(message: OutgoingMessage): Promise<void> {
    const line = `[sms] ${maskPhone(message.phone)} ${message.text}`;
    const code = signInCode(message);
    if (!code) {
      this.write(`${line}\n`);
      return;
    }
    const rule = '='.repeat(60);
    this.write(
      `\n${rule}\n  登录验证码 sign-in code  ${code}   (${maskPhone(message.phone)})\n${line}\n${rule}\n\n`,
    );
  }
}

/**
 * A real SMS gateway behind an HTTP webhook: POSTs `{ id, to, text, template }` as JSON; any
 * answer other than 2xx, or no answer within ten seconds, is a failure to retry later. The id lets
 * the gateway drop a message it has already taken (a retry after a lost answer).
 */
export class WebhookProvider implements NotificationProvider {
  readonly name = 'webhook';
  constructor(
    private readonly url: string,
    private readonly log?: FastifyBaseLogger,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: message.id,
        to: message.phone,
        text: message.text,
        template: message.template,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      this.log?.warn({ status: response.status }, 'SMS webhook refused a message');
      throw new Error(`SMS webhook answered ${response.status}`);
    }
  }
}
