import { NotificationSettingsInput, QuietHours, type NotificationSettings } from '@vozlia/contract';
import { z } from 'zod';

/** "a, b c" → ["a", "b", "c"]: contacts are typed on one line. */
const splitList = (s: string) => s.split(/[\s,]+/).filter(Boolean);
const contacts = NotificationSettingsInput.shape.contacts.unwrap().shape;

/**
 * The notifications section as a form: the contract's contact lists typed as lines, quiet hours
 * as a switch and two times. Checked with the contract's own field schemas.
 */
export const NotificationForm = z
  .object({
    sms: z.string().transform(splitList).pipe(contacts.sms.unwrap()),
    email: z.string().transform(splitList).pipe(contacts.email.unwrap()),
    quiet: z.boolean(),
    quiet_start: z.string(),
    quiet_end: z.string(),
    customer_confirmations: z.boolean(),
    webhook_url: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.quiet) {
      const r = QuietHours.safeParse({ start: v.quiet_start, end: v.quiet_end });
      for (const issue of r.success ? [] : r.error.issues) ctx.addIssue({ code: 'custom', path: [issue.path[0] === 'start' ? 'quiet_start' : 'quiet_end'], message: issue.message });
    }
    if (v.webhook_url) {
      const r = NotificationSettingsInput.shape.webhook.unwrap().unwrap().shape.url.safeParse(v.webhook_url);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['webhook_url'], message: r.error.issues[0]!.message });
    }
  });
export type NotificationFormInput = z.input<typeof NotificationForm>;
export type NotificationFormValue = z.output<typeof NotificationForm>;

/** What the form starts from: the stored settings. */
export function formFromSettings(s: NotificationSettings): NotificationFormInput {
  return {
    sms: s.contacts.sms.join(', '),
    email: s.contacts.email.join(', '),
    quiet: s.quiet_hours !== null,
    quiet_start: s.quiet_hours?.start ?? '22:00',
    quiet_end: s.quiet_hours?.end ?? '07:00',
    customer_confirmations: s.customer_confirmations,
    webhook_url: s.webhook?.url ?? '',
  };
}

/** The `PUT` body: the whole section, with the per-type policies kept as they were. */
export function settingsFromForm(v: NotificationFormValue, current: NotificationSettings): NotificationSettingsInput {
  return {
    contacts: { sms: v.sms, email: v.email },
    quiet_hours: v.quiet ? { start: v.quiet_start, end: v.quiet_end } : null,
    customer_confirmations: v.customer_confirmations,
    // Without a secret the server keeps the stored one (or makes one for a new webhook).
    webhook: v.webhook_url ? { url: v.webhook_url } : null,
    policies: current.policies,
  };
}
