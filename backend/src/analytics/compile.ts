import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type Expression,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import { ANALYTICS_SCHEMA, TENANT_COLUMN, type Catalog, type FieldType } from './catalog.js';
import { planSpec, type Plan, type PlannedFilter, type PlannedGroup, type PlannedMetric } from './plan.js';
import type { QuerySpec } from './query-spec.js';
import type { TimeWindow } from './time-window.js';

/** A result column: the name the caller sees, the internal alias the SQL uses. */
export interface ResultColumn {
  name: string;
  alias: string;
  type: FieldType;
  role: 'group' | 'metric';
  /** Counts and sums add up across groups (voice totals); distinct counts, averages, min/max do not. */
  additive: boolean;
}

export interface CompiledQuery {
  sql: string;
  parameters: readonly unknown[];
  columns: readonly ResultColumn[];
  /** Rows asked for; the SQL fetches one more to set `truncated` honestly. */
  limit: number;
  window: TimeWindow | null;
  subject: string;
}

export type CompileResult = { ok: true; query: CompiledQuery; plan: Plan } | { ok: false; errors: string[] };

/** Builds SQL text only (no connection): the Postgres compiler over a dummy driver. */
const builder = () =>
  new Kysely<Record<string, Record<string, unknown>>>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });

/**
 * Pure and deterministic: the same spec, catalog, tenant, clock and zone give the same SQL text
 * and parameters. Identifiers come only from catalog objects (spec names are looked up, never
 * interpolated); aliases are generated (`g0`, `m0`); every value is a bound parameter; the tenant
 * filter is added here, first (`$1`), inside a `scope` CTE that every other clause reads from.
 */
export function compile(spec: QuerySpec, catalog: Catalog, tenantId: string, now: Date, timeZone: string): CompileResult {
  const planned = planSpec(spec, catalog, now, timeZone);
  if (!planned.ok) return planned;
  const plan = planned.plan;
  const db = builder();

  let q = db
    .with('scope', (cte) => {
      let inner = cte
        .withSchema(ANALYTICS_SCHEMA)
        .selectFrom(plan.subject.name)
        .selectAll()
        .where(sql<SqlBool>`${sql.id(TENANT_COLUMN)} = ${tenantId}`);
      if (plan.range) {
        const col = sql.id(plan.range.field.name);
        const { from, to } = plan.range.window;
        if (from) inner = inner.where(sql<SqlBool>`${col} >= cast(${from.toUTC().toISO()} as timestamptz)`);
        if (to) inner = inner.where(sql<SqlBool>`${col} < cast(${to.toUTC().toISO()} as timestamptz)`);
      }
      for (const f of plan.filters) inner = inner.where(filterSql(f));
      return inner;
    })
    .selectFrom('scope');

  const selections = [
    ...plan.groups.map((g) => groupSql(g, timeZone).as(g.alias)),
    ...plan.metrics.map((m) => metricSql(m).as(m.alias)),
  ];
  q = q.select(selections);
  if (plan.groups.length > 0 && plan.metrics.length > 0) {
    // By position: an output alias could be shadowed by a same-named input column.
    q = q.groupBy(plan.groups.map((_, i) => sql.lit(i + 1)));
  } else if (plan.groups.length > 0) {
    q = q.distinct();
  }
  // Explicit order first, then every group column ascending so ties come out the same each run.
  const ordered = new Set<string>();
  for (const o of plan.orderBy) {
    ordered.add(o.alias);
    q = q.orderBy(o.dir === 'desc' ? sql`${sql.ref(o.alias)} desc nulls last` : sql`${sql.ref(o.alias)} asc nulls last`);
  }
  for (const g of plan.groups) if (!ordered.has(g.alias)) q = q.orderBy(sql`${sql.ref(g.alias)} asc nulls last`);
  q = q.limit(plan.limit + 1);

  const compiled = q.compile();
  const columns: ResultColumn[] = [
    ...plan.groups.map((g): ResultColumn => ({ name: g.column, alias: g.alias, type: g.type, role: 'group', additive: false })),
    ...plan.metrics.map((m): ResultColumn => ({ name: m.column, alias: m.alias, type: m.type, role: 'metric', additive: m.fn === 'count' || m.fn === 'sum' })),
  ];
  return {
    ok: true,
    plan,
    query: {
      sql: compiled.sql,
      parameters: compiled.parameters,
      columns,
      limit: plan.limit,
      window: plan.range?.window ?? null,
      subject: plan.subject.name,
    },
  };
}

function groupSql(g: PlannedGroup, timeZone: string): RawBuilder<unknown> {
  const col = sql.id(g.field.name);
  const local = sql`(${col} at time zone ${timeZone})`;
  switch (g.grain) {
    case null:
      return sql`${col}`;
    case 'hour':
      return sql`to_char(date_trunc('hour', ${local}), 'YYYY-MM-DD"T"HH24:00')`;
    case 'day':
      return sql`to_char(date_trunc('day', ${local}), 'YYYY-MM-DD')`;
    case 'week':
      return sql`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`;
    case 'month':
      return sql`to_char(date_trunc('month', ${local}), 'YYYY-MM')`;
    case 'quarter':
      return sql`to_char(date_trunc('quarter', ${local}), 'YYYY-"Q"Q')`;
    case 'year':
      return sql`to_char(date_trunc('year', ${local}), 'YYYY')`;
    case 'day_of_week':
      return sql`cast(extract(isodow from ${local}) as integer)`;
    case 'hour_of_day':
      return sql`cast(extract(hour from ${local}) as integer)`;
  }
}

function metricSql(m: PlannedMetric): RawBuilder<unknown> {
  const col = m.field ? sql.id(m.field.name) : undefined;
  switch (m.fn) {
    case 'count':
      return col ? sql`count(${col})` : sql`count(*)`;
    case 'count_distinct':
      return sql`count(distinct ${col})`;
    case 'sum':
      return sql`coalesce(sum(${col}), 0)`;
    case 'avg':
      return sql`round(cast(avg(${col}) as numeric), 2)`;
    case 'min':
      return sql`min(${col})`;
    case 'max':
      return sql`max(${col})`;
  }
}

const COMPARE = { eq: sql`=`, neq: sql`<>`, gt: sql`>`, gte: sql`>=`, lt: sql`<`, lte: sql`<=` } as const;

function paramFor(f: PlannedFilter, v: string | number | boolean): RawBuilder<unknown> {
  return f.field.type === 'timestamp' ? sql`cast(${v} as timestamptz)` : sql`${v}`;
}

/** `contains` is a case-insensitive substring match; LIKE wildcards in the value are escaped. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterSql(f: PlannedFilter): Expression<SqlBool> {
  const col = sql.id(f.field.name);
  switch (f.op) {
    case 'is_null':
      return sql<SqlBool>`${col} is null`;
    case 'is_not_null':
      return sql<SqlBool>`${col} is not null`;
    case 'contains':
      return sql<SqlBool>`${col} ilike ${`%${escapeLike(f.value)}%`} escape '\\'`;
    case 'in':
      return sql<SqlBool>`${col} in (${sql.join(f.values.map((v) => paramFor(f, v)))})`;
    case 'not_in':
      // SQL's NOT IN is unknown on NULL; an owner asking "not pickup" means rows that are not pickup.
      return sql<SqlBool>`(${col} is null or ${col} not in (${sql.join(f.values.map((v) => paramFor(f, v)))}))`;
    case 'neq':
      return sql<SqlBool>`(${col} is null or ${col} <> ${paramFor(f, f.value)})`;
    default:
      return sql<SqlBool>`${col} ${COMPARE[f.op]} ${paramFor(f, f.value)}`;
  }
}
