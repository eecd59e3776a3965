import { TenantSettingsInput, type TenantSettings, type TenantSettingsInput as SettingsBody } from '@vozlia/contract';
import { z } from 'zod';

/** "a, b\nc" → ["a", "b", "c"]: numbers are typed as lines or comma lists. */
const splitList = (s: string) => s.split(/[\s,]+/).filter(Boolean);
const shape = TenantSettingsInput.shape;
const prompt = shape.prompts.unwrap().shape.client.unwrap().shape;

/**
 * The business and its assistant as one form (name, zone, what the assistant says per caller
 * kind, transfer and blocked numbers, the call cap), each field checked by the contract's schema.
 */
export const AssistantForm = z.object({
  display_name: shape.display_name,
  time_zone: shape.time_zone,
  client_greeting: prompt.greeting.unwrap(),
  client_instructions: prompt.instructions.unwrap(),
  owner_greeting: prompt.greeting.unwrap(),
  owner_instructions: prompt.instructions.unwrap(),
  transfer_numbers: z.string().transform(splitList).pipe(shape.transfer_numbers.unwrap()),
  blocked_numbers: z.string().transform(splitList).pipe(shape.blocked_numbers.unwrap()),
  max_concurrent_calls: z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : Number(s)))
    .pipe(shape.max_concurrent_calls.unwrap()),
});
export type AssistantFormInput = z.input<typeof AssistantForm>;
export type AssistantFormValue = z.output<typeof AssistantForm>;

export function assistantFormFrom(s: TenantSettings): AssistantFormInput {
  return {
    display_name: s.display_name,
    time_zone: s.time_zone,
    client_greeting: s.prompts.client.greeting ?? '',
    client_instructions: s.prompts.client.instructions ?? '',
    owner_greeting: s.prompts.owner.greeting ?? '',
    owner_instructions: s.prompts.owner.instructions ?? '',
    transfer_numbers: s.transfer_numbers.join(', '),
    blocked_numbers: s.blocked_numbers.join('\n'),
    max_concurrent_calls: s.max_concurrent_calls === null ? '' : String(s.max_concurrent_calls),
  };
}

/** Empty text means "the product's default": left out rather than sent as "". */
const text = (s: string) => (s.trim() ? s.trim() : undefined);

/** The whole `PUT settings` body: this form's fields over what is stored (hours, switches kept). */
export function settingsWithAssistant(current: TenantSettings, v: AssistantFormValue): SettingsBody {
  return {
    ...storedBody(current),
    display_name: v.display_name,
    time_zone: v.time_zone,
    prompts: {
      client: { greeting: text(v.client_greeting), instructions: text(v.client_instructions) },
      owner: { greeting: text(v.owner_greeting), instructions: text(v.owner_instructions) },
    },
    transfer_numbers: v.transfer_numbers,
    blocked_numbers: v.blocked_numbers,
    max_concurrent_calls: v.max_concurrent_calls,
  };
}

/** The stored settings as a `PUT` body (the answer's `links` and `updated_at` are not input). */
export function storedBody(current: TenantSettings): SettingsBody {
  const { links: _links, updated_at: _updated, ...body } = current;
  return body;
}
