import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import './tables.js';

/** Reads of the `calls` projection that the call path needs while a call is live. */
export class CallReads {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Failed gate tries so far in this call (the projection counts `call.gate_failed`). */
  async gateFailures(callSid: string): Promise<number> {
    const row = await this.#db.selectFrom('calls').select('gate_failures').where('call_sid', '=', callSid).executeTakeFirst();
    return row?.gate_failures ?? 0;
  }

  /** The number the call came from (E.164 or Twilio's raw value), when known. Never logged. */
  async callerNumber(callSid: string): Promise<string | undefined> {
    const row = await this.#db.selectFrom('calls').select('from_number').where('call_sid', '=', callSid).executeTakeFirst();
    return row?.from_number ?? undefined;
  }

  /** True once Twilio's status callback said the call is over: no stream may start after that. */
  async hasEnded(callSid: string): Promise<boolean> {
    const row = await this.#db.selectFrom('calls').select('ended_at').where('call_sid', '=', callSid).executeTakeFirst();
    return Boolean(row?.ended_at);
  }
}
