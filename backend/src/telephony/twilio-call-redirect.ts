import type twilio from 'twilio';
import type { CallRedirect, DialStep } from '../calls/call-control.js';
import { dialTwiml, hangupTwiml, messageTwiml } from './call-control-twiml.js';

/**
 * Takes a live call over with Twilio REST (`POST …/Calls/{CallSid}.json` with `Twiml`): the new
 * TwiML replaces `<Connect><Stream>`, so Twilio ends the media stream itself. The client is the
 * notifications' base-URL client (`TWILIO_API_BASE_URL`), built once by the composition root.
 */
export class TwilioCallRedirect implements CallRedirect {
  readonly #client: twilio.Twilio;
  readonly #base: string;

  constructor(client: twilio.Twilio, publicBaseUrl: string) {
    this.#client = client;
    this.#base = publicBaseUrl;
    // twilio-node loads its API modules on first use (~1 s on a loaded box): load them now, at
    // start, not while a caller waits for the transfer.
    void client.calls;
  }

  async dial(callSid: string, step: DialStep): Promise<void> {
    await this.#client.calls(callSid).update({ twiml: dialTwiml(this.#base, step) });
  }

  async takeMessage(callSid: string, p: { tenantId: string; reason: string }): Promise<void> {
    await this.#client.calls(callSid).update({ twiml: messageTwiml(this.#base, p) });
  }

  async hangUp(callSid: string): Promise<void> {
    await this.#client.calls(callSid).update({ twiml: hangupTwiml() });
  }
}
