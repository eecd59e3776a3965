import { DateTime } from 'luxon';
import { FIXTURE_ZONE, type Fixtures } from './fixtures.js';

/**
 * An independent evaluator of QuerySpec over the fixture arrays, for the correctness corpus. It
 * shares no code with the planner or the SQL builder; preset windows for the fixed "now"
 * (Wed 4 Nov 2026, New York) are written out by hand below.
 */
const Z = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toJSDate();
export const PRESET_WINDOWS: Record<string, [Date | null, Date | null]> = {
  today: [Z('2026-11-04T00:00:00-05:00'), Z('2026-11-05T00:00:00-05:00')],
  yesterday: [Z('2026-11-03T00:00:00-05:00'), Z('2026-11-04T00:00:00-05:00')],
  this_week: [Z('2026-11-02T00:00:00-05:00'), Z('2026-11-09T00:00:00-05:00')],
  // Includes Sunday 1 November, 25 hours long.
  last_week: [Z('2026-10-26T00:00:00-04:00'), Z('2026-11-02T00:00:00-05:00')],
  last_7_days: [Z('2026-10-29T00:00:00-04:00'), Z('2026-11-05T00:00:00-05:00')],
  last_30_days: [Z('2026-10-06T00:00:00-04:00'), Z('2026-11-05T00:00:00-05:00')],
  this_month: [Z('2026-11-01T00:00:00-04:00'), Z('2026-12-01T00:00:00-05:00')],
  last_month: [Z('2026-10-01T00:00:00-04:00'), Z('2026-11-01T00:00:00-04:00')],
  this_year: [Z('2026-01-01T00:00:00-05:00'), Z('2027-01-01T00:00:00-05:00')],
  all_time: [null, null],
};

type Row = Record<string, unknown>;
interface Spec {
  subject: string;
  metrics: { fn: string; field: string | null; as: string }[];
  group_by: { field: string; grain: string | null }[];
  filters: { field: string; op: string; value: unknown }[];
  time_range: { field: string; preset: string | null; from: string | null; to: string | null } | null;
  order_by: { key: string; dir: 'asc' | 'desc' }[];
  limit: number | null;
}

function bucket(v: Date, grain: string): string | number {
  const d = DateTime.fromJSDate(v, { zone: FIXTURE_ZONE });
  switch (grain) {
    case 'hour':
      return d.toFormat("yyyy-MM-dd'T'HH':00'");
    case 'day':
      return d.toFormat('yyyy-MM-dd');
    case 'week':
      return d.minus({ days: d.weekday - 1 }).toFormat('yyyy-MM-dd');
    case 'month':
      return d.toFormat('yyyy-MM');
    case 'quarter':
      return `${d.year}-Q${Math.ceil(d.month / 3)}`;
    case 'year':
      return String(d.year);
    case 'day_of_week':
      return d.weekday;
    case 'hour_of_day':
      return d.hour;
    default:
      throw new Error(grain);
  }
}

const localDate = (s: string) => DateTime.fromISO(s, { zone: FIXTURE_ZONE }).toJSDate();

function matches(row: Row, f: Spec['filters'][number]): boolean {
  const v = row[f.field];
  const cmpVal = (x: unknown) => (v instanceof Date ? localDate(String(x)).getTime() : x);
  const cv = v instanceof Date ? v.getTime() : v;
  switch (f.op) {
    case 'eq':
      return v !== null && cv === cmpVal(f.value);
    case 'neq':
      return v === null || cv !== cmpVal(f.value);
    case 'gt':
      return v !== null && (cv as number) > (cmpVal(f.value) as number);
    case 'gte':
      return v !== null && (cv as number) >= (cmpVal(f.value) as number);
    case 'lt':
      return v !== null && (cv as number) < (cmpVal(f.value) as number);
    case 'lte':
      return v !== null && (cv as number) <= (cmpVal(f.value) as number);
    case 'in':
      return v !== null && (f.value as unknown[]).map(cmpVal).includes(cv);
    case 'not_in':
      return v === null || !(f.value as unknown[]).map(cmpVal).includes(cv);
    case 'contains':
      return typeof v === 'string' && v.toLowerCase().includes(String(f.value).toLowerCase());
    case 'is_null':
      return v === null;
    case 'is_not_null':
      return v !== null;
    default:
      throw new Error(f.op);
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function aggregate(rows: Row[], m: Spec['metrics'][number]): unknown {
  const vals = m.field === null ? rows : rows.map((r) => r[m.field!]).filter((v) => v !== null && v !== undefined);
  switch (m.fn) {
    case 'count':
      return vals.length;
    case 'count_distinct':
      return new Set(vals.map((v) => (v instanceof Date ? v.getTime() : v))).size;
    case 'sum':
      return (vals as number[]).reduce((a, b) => a + b, 0);
    case 'avg':
      return vals.length ? round2((vals as number[]).reduce((a, b) => a + b, 0) / vals.length) : null;
    case 'min':
    case 'max': {
      if (!vals.length) return null;
      const sorted = [...vals].sort(compare);
      const v = m.fn === 'min' ? sorted[0] : sorted[sorted.length - 1];
      return v instanceof Date ? DateTime.fromJSDate(v, { zone: FIXTURE_ZONE }).toISO() : v;
    }
    default:
      throw new Error(m.fn);
  }
}

/** Byte order, as the C collation of the test databases sorts text; nulls last. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (typeof x === 'string' && typeof y === 'string') return Buffer.compare(Buffer.from(x), Buffer.from(y));
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
}

export function referenceEval(fx: Fixtures, tenant: string, spec: Spec): { rows: Row[]; truncated: boolean } {
  let rows = (fx[spec.subject as keyof Fixtures] as unknown as Row[]).filter((r) => r.tenant_id === tenant);
  if (spec.time_range) {
    const tr = spec.time_range;
    const [from, to] = tr.preset ? PRESET_WINDOWS[tr.preset]! : [tr.from ? localDate(tr.from) : null, tr.to ? localDate(tr.to) : null];
    rows = rows.filter((r) => {
      const t = r[tr.field] as Date | null;
      if (t === null) return false;
      return (!from || t >= from) && (!to || t < to);
    });
  }
  for (const f of spec.filters) rows = rows.filter((r) => matches(r, f));

  const groupCol = (g: Spec['group_by'][number]) => (g.grain ? `${g.field}_${g.grain}` : g.field);
  const groups = new Map<string, { key: Row; rows: Row[] }>();
  for (const r of rows) {
    const key: Row = {};
    for (const g of spec.group_by) {
      const v = r[g.field];
      key[groupCol(g)] = g.grain ? (v === null ? null : bucket(v as Date, g.grain)) : v;
    }
    const k = JSON.stringify(key);
    const entry = groups.get(k) ?? { key, rows: [] };
    entry.rows.push(r);
    groups.set(k, entry);
  }
  if (spec.group_by.length === 0) groups.set('{}', { key: {}, rows: groups.get('{}')?.rows ?? rows });

  let out: Row[] = [...groups.values()].map(({ key, rows: rs }) => {
    const o: Row = { ...key };
    for (const m of spec.metrics) o[m.as] = aggregate(rs, m);
    return o;
  });
  const keys = [
    ...spec.order_by.map((o) => ({ col: spec.group_by.find((g) => g.field === o.key) ? groupCol(spec.group_by.find((g) => g.field === o.key)!) : o.key, dir: o.dir })),
    ...spec.group_by.map((g) => ({ col: groupCol(g), dir: 'asc' as const })),
  ];
  out.sort((a, b) => {
    for (const k of keys) {
      const av = a[k.col];
      const bv = b[k.col];
      if (av === null && bv === null) continue;
      if (av === null) return 1;
      if (bv === null) return -1;
      const c = compare(av, bv) * (k.dir === 'desc' ? -1 : 1);
      if (c !== 0) return c;
    }
    return 0;
  });
  const limit = spec.limit ?? 100;
  const truncated = out.length > limit;
  out = out.slice(0, limit);
  return { rows: out, truncated };
}
