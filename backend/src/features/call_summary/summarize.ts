/** What a summary is made from: the call's transcript (if recorded) and the actions taken. */
export interface CallFacts {
  durationSeconds: number | null;
  transcript: { role: string; text: string }[];
  actions: { type: string; payload: Record<string, unknown> }[];
}

const MAX_QUOTE_CHARS = 160;

/** Deterministic summary, no model: duration, the actions taken and the caller's first request. Pure. */
export function deterministicSummary(facts: CallFacts): string {
  const parts: string[] = [];
  if (facts.durationSeconds !== null) parts.push(`Call of ${Math.floor(facts.durationSeconds / 60)}m ${String(facts.durationSeconds % 60).padStart(2, '0')}s.`);
  for (const a of facts.actions) {
    const p = a.payload;
    if (a.type === 'order.placed') {
      const lines = Array.isArray(p.lines) ? (p.lines as { quantity: number; itemName: string }[]).map((l) => `${l.quantity} ${l.itemName}`).join(', ') : '';
      parts.push(`Placed ${String(p.fulfillment ?? '')} order ${String(p.orderId)} for ${String(p.customerName ?? 'the caller')}: ${lines} (total $${(Number(p.totalCents ?? 0) / 100).toFixed(2)}).`);
    } else if (a.type === 'appointment.requested') {
      parts.push(`Requested a ${String(p.service)} with ${String(p.staff ?? 'any barber')} at ${String(p.startsAt)} for ${String(p.customerName)}.`);
    }
  }
  const first = facts.transcript.find((t) => t.role === 'caller' && t.text.trim());
  if (first) parts.push(`Caller said: "${first.text.trim().slice(0, MAX_QUOTE_CHARS)}${first.text.trim().length > MAX_QUOTE_CHARS ? '…' : ''}"`);
  if (facts.actions.length === 0) parts.push(facts.transcript.length ? 'No order or appointment was made.' : 'No transcript was recorded and no action was taken.');
  return parts.join(' ');
}

/** The prompt for the text model: facts only, summary in two sentences. */
export function summaryPrompt(facts: CallFacts): { system: string; user: string } {
  return {
    system: 'You summarise phone calls to a small business for its owner in at most two short sentences. State what the caller wanted and what was done. Use only the facts given.',
    user: JSON.stringify({ duration_seconds: facts.durationSeconds, transcript: facts.transcript.slice(0, 80), actions: facts.actions }),
  };
}
