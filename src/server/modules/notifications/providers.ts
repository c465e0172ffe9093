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

/**
 * The default: writes each message to the console, so a district without an SMS gateway (and a
 * developer) can read sign-in codes. The number is masked; the text is whole.
 */
export class ConsoleProvider implements NotificationProvider {
  readonly name = 'console';
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(line)) {}

  async send(message: OutgoingMessage): Promise<void> {
    this.write(`[sms] ${maskPhone(message.phone)} ${message.text}\n`);
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
