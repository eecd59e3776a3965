import type { TenantStyle } from '../format.js';

/** What one notification becomes on each channel. */
export interface RenderedNotification {
  ownerSms: string;
  ownerEmail: { subject: string; text: string };
  /** The caller's confirmation; null for types that have no caller to confirm to. */
  customerSms: string | null;
  /** Envelope `type` and `data` of the webhook POST. */
  webhook: { type: string; data: Record<string, unknown> };
}

export interface RenderContext {
  style: TenantStyle;
  /** When the message is written: "today" and "tomorrow" are relative to it. */
  now: Date;
}
