import type { UsageCounts } from '../usage/metering.js';
import type { Statement } from '../usage/statement.js';

/** A statement as stored on its invoice (JSON): what was billed, for audits and rebuilds. */
export interface InvoiceStatement {
  usage: UsageCounts;
  adjustments: { period: string; usage: UsageCounts }[];
}

export function storedStatement(s: Statement): InvoiceStatement {
  return { usage: s.usage, adjustments: s.adjustments };
}
