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

  /** The tenant the call belongs to, once known. */
  async tenantOf(callSid: string): Promise<string | undefined> {
    const row = await this.#db.selectFrom('calls').select('tenant_id').where('call_sid', '=', callSid).executeTakeFirst();
    return row?.tenant_id ?? undefined;
  }

  /** The number the caller rang (`To`), when known. */
  async calledNumber(callSid: string): Promise<string | undefined> {
    const row = await this.#db.selectFrom('calls').select('to_number').where('call_sid', '=', callSid).executeTakeFirst();
    return row?.to_number ?? undefined;
  }

  /**
   * The tenant's calls on the assistant now: connected since `since`, with neither the stream's
   * record nor Twilio's final status yet (across instances: it is the shared projection).
   */
  async activeCalls(tenantId: string, since: Date): Promise<number> {
    const row = await this.#db
      .selectFrom('calls')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('connected_at', '>=', since)
      .where('end_reason', 'is', null)
      .where('ended_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * What admitting a call's stream needs, in one read (it was three): whether Twilio's status
   * callback already said the call is over (no stream may start after that), and the numbers.
   */
  async streamFacts(callSid: string): Promise<{ ended: boolean; callerNumber?: string; calledNumber?: string }> {
    const row = await this.#db.selectFrom('calls').select(['ended_at', 'from_number', 'to_number']).where('call_sid', '=', callSid).executeTakeFirst();
    return {
      ended: Boolean(row?.ended_at),
      ...(row?.from_number != null ? { callerNumber: row.from_number } : {}),
      ...(row?.to_number != null ? { calledNumber: row.to_number } : {}),
    };
  }
}
