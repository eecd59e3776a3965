import { sql, type Kysely, type Migration } from 'kysely';

/** Invoices (one per tenant and period: the unique key makes a close exactly-once), lines, Stripe ids. */
export const billing: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('invoices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('issued'))
      .addColumn('final', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('total_cents', 'bigint', (c) => c.notNull())
      .addColumn('cutoff_at', 'timestamptz', (c) => c.notNull())
      .addColumn('statement', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('paid_at', 'timestamptz')
      .addColumn('stripe_invoice_id', 'text', (c) => c.unique())
      .addColumn('stripe_finalized_at', 'timestamptz')
      .addUniqueConstraint('invoices_tenant_period_key', ['tenant_id', 'period'])
      .execute();
    await db.schema
      .createTable('invoice_lines')
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('unit_cents', 'bigint', (c) => c.notNull())
      .addColumn('amount_cents', 'bigint', (c) => c.notNull())
      .addColumn('stripe_item_id', 'text', (c) => c.unique())
      .addPrimaryKeyConstraint('invoice_lines_pkey', ['invoice_id', 'position'])
      .execute();
    await db.schema
      .createTable('stripe_customers')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey())
      .addColumn('stripe_customer_id', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createTable('stripe_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('stripe_invoice_id', 'text')
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['stripe_events', 'stripe_customers', 'invoice_lines', 'invoices']) await db.schema.dropTable(t).execute();
  },
};
