import { buildCatalog, type Catalog, type ColumnRow } from '../../analytics/catalog.js';

const cols = (table: string, spec: Record<string, string>): ColumnRow[] =>
  Object.entries(spec).map(([column_name, data_type]) => ({ table_name: table, column_name, data_type }));

const TS = 'timestamp with time zone';

/** A catalog as the views give it, for pure tests (no database). */
export function testCatalog(): Catalog {
  return buildCatalog([
    ...cols('orders', { tenant_id: 'text', id: 'text', status: 'text', fulfillment: 'text', customer_name: 'text', total_cents: 'integer', item_count: 'integer', created_at: TS, requested_for: TS }),
    ...cols('order_items', { tenant_id: 'text', order_id: 'text', item_name: 'text', category: 'text', quantity: 'integer', line_total_cents: 'integer', created_at: TS }),
    ...cols('calls', { tenant_id: 'text', call_sid: 'text', missed: 'boolean', duration_seconds: 'integer', started_at: TS }),
    ...cols('appointments', { tenant_id: 'text', id: 'text', service: 'text', status: 'text', price_cents: 'integer', starts_at: TS }),
    // A view without a tenant column is never a subject.
    ...cols('leaky', { id: 'text' }),
  ]);
}
