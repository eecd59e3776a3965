import { z } from 'zod';
import type { FeatureTool } from '../types.js';

const Args = z.object({ reason: z.string().trim().max(200).default('') });
const TransferArgs = Args.extend({ caller_name: z.string().trim().max(80).optional() });

/**
 * The session reads `call_action` (voice/call-context.ts CALL_ACTION_KEY) out of the result and
 * runs it once the line the model says now has played; the model never sees the field.
 */
const action = (kind: 'transfer' | 'hang_up', reason: string, callerName?: string) => ({ call_action: { kind, reason, ...(callerName ? { callerName } : {}) } });

const parameters =
  (what: string, extra: Record<string, unknown> = {}) =>
  () => ({
    type: 'object',
    additionalProperties: false,
    properties: { reason: { type: 'string', description: what }, ...extra },
    required: ['reason'],
  });

export const transferCallTool: FeatureTool = {
  name: 'transfer_call',
  description:
    'Hands the caller to a person at the business. Call it when the caller asks for a human or you cannot help. ' +
    'After it returns, say the one short handoff line it gives you and nothing else: the call is then transferred.',
  timeoutMs: 2000,
  parameters: parameters('Why the caller wants a person, in a few words (told to the person answering).', {
    caller_name: { type: 'string', description: "The caller's name, only if they said it in this call (told to the person answering)." },
  }),
  async handler(raw) {
    const args = TransferArgs.safeParse(raw ?? {});
    const reason = args.success ? args.data.reason : '';
    const name = args.success ? args.data.caller_name : undefined;
    return { ok: true, say: 'Please hold while I transfer you to someone who can help.', ...action('transfer', reason, name || undefined) };
  },
};

export const endCallTool: FeatureTool = {
  name: 'end_call',
  description: 'Ends the call. Call it only when the conversation is over. After it returns, say one short goodbye sentence and nothing else.',
  timeoutMs: 2000,
  parameters: parameters('Why the call ends, in a few words (for the call record).'),
  async handler(raw) {
    const args = Args.safeParse(raw ?? {});
    return { ok: true, say: 'Thank you for calling. Goodbye!', ...action('hang_up', args.success ? args.data.reason : '') };
  },
};
