import { findField, findSubject, type Catalog, type CatalogField, type CatalogSubject, type FieldType } from './catalog.js';
import {
  LIMIT_DEFAULT,
  MAX_IN_VALUES,
  type FilterOp,
  type FilterValue,
  type Grain,
  type MetricFn,
  type QuerySpec,
} from './query-spec.js';
import { parseLocalInstant, resolveWindow, windowDays, type TimeWindow } from './time-window.js';

/**
 * Work caps (PGlite ignores statement_timeout, so the spec itself is bounded): an hourly series
 * may span at most this many days; every other grain is bounded by the row cap.
 */
export const MAX_HOUR_GRAIN_DAYS = 93;
/** An explicit from/to range may span at most this many days (about ten years). */
export const MAX_RANGE_DAYS = 3700;

export type ScalarParam = string | number | boolean;

export interface PlannedMetric {
  fn: MetricFn;
  field: CatalogField | null;
  column: string;
  alias: string;
  type: FieldType;
}
export interface PlannedGroup {
  field: CatalogField;
  grain: Grain | null;
  column: string;
  alias: string;
  type: FieldType;
}
export type PlannedFilter =
  | { field: CatalogField; op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte'; value: ScalarParam }
  | { field: CatalogField; op: 'in' | 'not_in'; values: ScalarParam[] }
  | { field: CatalogField; op: 'contains'; value: string }
  | { field: CatalogField; op: 'is_null' | 'is_not_null' };

export interface PlannedOrder {
  alias: string;
  dir: 'asc' | 'desc';
}

/** A spec checked against the catalog: every identifier is a catalog object, every value typed. */
export interface Plan {
  subject: CatalogSubject;
  metrics: PlannedMetric[];
  groups: PlannedGroup[];
  filters: PlannedFilter[];
  range: { field: CatalogField; window: TimeWindow } | null;
  orderBy: PlannedOrder[];
  limit: number;
  timeZone: string;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; errors: string[] };

const list = (names: readonly string[]) => names.join(', ');
/** Echoes a caller's name back clipped: errors go to a model, so they stay short. */
const shown = (name: string) => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);

export function planSpec(spec: QuerySpec, catalog: Catalog, now: Date, timeZone: string): PlanResult {
  const errors: string[] = [];
  const subject = findSubject(catalog, spec.subject);
  if (!subject) {
    return { ok: false, errors: [`unknown subject ${shown(spec.subject)}; the subjects are: ${list(catalog.subjects.map((s) => s.name))}`] };
  }
  const fieldNames = subject.fields.map((f) => f.name);
  const lookup = (name: string | null, where: string): CatalogField | undefined => {
    if (name === null) return undefined;
    const f = findField(subject, name);
    if (!f) errors.push(`${where}: ${shown(name)} is not a field of ${subject.name}; its fields are: ${list(fieldNames)}`);
    return f;
  };
  const ofType = (f: CatalogField, types: FieldType[], where: string, what: string) => {
    if (types.includes(f.type)) return true;
    errors.push(`${where}: ${what} needs a ${types.join(' or ')} field, but ${f.name} is ${f.type}`);
    return false;
  };

  const groups: PlannedGroup[] = [];
  spec.group_by.forEach((g, i) => {
    const where = `group_by[${i}]`;
    const field = lookup(g.field, where);
    if (!field) return;
    if (g.grain !== null && field.type !== 'timestamp') {
      errors.push(`${where}: grain "${g.grain}" only applies to timestamp fields; ${field.name} is ${field.type}, set grain to null`);
      return;
    }
    const column = g.grain === null ? field.name : `${field.name}_${g.grain}`;
    if (groups.some((x) => x.column === column)) {
      errors.push(`${where}: ${field.name} is grouped twice the same way; remove one`);
      return;
    }
    const type: FieldType = g.grain === 'day_of_week' || g.grain === 'hour_of_day' ? 'number' : g.grain ? 'text' : field.type;
    groups.push({ field, grain: g.grain, column, alias: `g${groups.length}`, type });
  });

  const metrics: PlannedMetric[] = [];
  spec.metrics.forEach((m, i) => {
    const where = `metrics[${i}]`;
    if (m.field === null && m.fn !== 'count') {
      errors.push(`${where}: ${m.fn} needs a field (only count may have field null)`);
      return;
    }
    const field = m.field === null ? null : (lookup(m.field, where) ?? null);
    if (m.field !== null && !field) return;
    if (field) {
      if ((m.fn === 'sum' || m.fn === 'avg') && !ofType(field, ['number'], where, m.fn)) return;
      if ((m.fn === 'min' || m.fn === 'max') && !ofType(field, ['number', 'timestamp', 'text'], where, m.fn)) return;
    }
    if (metrics.some((x) => x.column === m.as) || groups.some((g) => g.column === m.as)) {
      errors.push(`${where}: the name "${m.as}" is used twice; give each metric a distinct "as"`);
      return;
    }
    const type: FieldType = m.fn === 'min' || m.fn === 'max' ? field!.type : 'number';
    metrics.push({ fn: m.fn, field, column: m.as, alias: `m${metrics.length}`, type });
  });
  if (spec.metrics.length === 0 && spec.group_by.length === 0) {
    errors.push('metrics: give at least one metric (e.g. {"fn":"count","field":null,"as":"count"}) or a group_by');
  }

  const filters: PlannedFilter[] = [];
  spec.filters.forEach((f, i) => {
    const where = `filters[${i}]`;
    const field = lookup(f.field, where);
    if (!field) return;
    const planned = planFilter(field, f.op, f.value, timeZone, where, errors);
    if (planned) filters.push(planned);
  });

  let range: Plan['range'] = null;
  if (spec.time_range) {
    const field = lookup(spec.time_range.field, 'time_range.field');
    if (field && ofType(field, ['timestamp'], 'time_range.field', 'a time range')) {
      const resolved = resolveWindow(spec.time_range, now, timeZone);
      if (!resolved.ok) errors.push(resolved.error);
      else {
        range = { field, window: resolved.window };
        if (windowDays(resolved.window) > MAX_RANGE_DAYS && resolved.window.from && resolved.window.to) {
          errors.push(`time_range: at most ${MAX_RANGE_DAYS} days; use all_time for everything`);
        }
      }
    }
  }
  const hourly = groups.some((g) => g.grain === 'hour');
  if (hourly && (!range || windowDays(range.window) > MAX_HOUR_GRAIN_DAYS)) {
    errors.push(`group_by: an hourly series needs a time_range of at most ${MAX_HOUR_GRAIN_DAYS} days (e.g. preset last_7_days); use grain day or hour_of_day for longer periods`);
  }

  const orderBy: PlannedOrder[] = [];
  spec.order_by.forEach((o, i) => {
    const target =
      metrics.find((m) => m.column === o.key) ??
      groups.find((g) => g.column === o.key) ??
      groups.find((g) => g.field.name === o.key);
    if (!target) {
      const keys = [...metrics.map((m) => m.column), ...groups.map((g) => g.column)];
      errors.push(`order_by[${i}]: ${shown(o.key)} is neither a metric's "as" nor a group_by field; use one of: ${list(keys) || '(none)'}`);
      return;
    }
    if (!orderBy.some((x) => x.alias === target.alias)) orderBy.push({ alias: target.alias, dir: o.dir });
  });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    plan: { subject, metrics, groups, filters, range, orderBy, limit: spec.limit ?? LIMIT_DEFAULT, timeZone },
  };
}

function planFilter(
  field: CatalogField,
  op: FilterOp,
  value: FilterValue,
  zone: string,
  where: string,
  errors: string[],
): PlannedFilter | undefined {
  switch (op) {
    case 'is_null':
    case 'is_not_null':
      return { field, op };
    case 'contains':
      if (field.type !== 'text') {
        errors.push(`${where}: contains only applies to text fields; ${field.name} is ${field.type}`);
        return undefined;
      }
      if (typeof value !== 'string' || value.length === 0) {
        errors.push(`${where}: contains needs a non-empty text value`);
        return undefined;
      }
      return { field, op, value };
    case 'in':
    case 'not_in': {
      if (!Array.isArray(value) || value.length === 0) {
        errors.push(`${where}: ${op} needs a non-empty array of values`);
        return undefined;
      }
      if (value.length > MAX_IN_VALUES) {
        errors.push(`${where}: ${op} takes at most ${MAX_IN_VALUES} values`);
        return undefined;
      }
      const values: ScalarParam[] = [];
      for (const v of value) {
        const typed = typedValue(field, v, zone, where, errors);
        if (typed === undefined) return undefined;
        values.push(typed);
      }
      return { field, op, values };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (field.type !== 'number' && field.type !== 'timestamp') {
        errors.push(`${where}: ${op} compares numbers or timestamps; ${field.name} is ${field.type} (use eq, in or contains)`);
        return undefined;
      }
    // falls through
    case 'eq':
    case 'neq': {
      if (Array.isArray(value) || value === null) {
        errors.push(`${where}: ${op} needs a single ${field.type} value (use is_null for missing values, in for lists)`);
        return undefined;
      }
      const typed = typedValue(field, value, zone, where, errors);
      return typed === undefined ? undefined : { field, op, value: typed };
    }
  }
}

/** The value as the column's type; timestamps become UTC ISO instants (read in the tenant zone). */
function typedValue(field: CatalogField, v: string | number | boolean, zone: string, where: string, errors: string[]): ScalarParam | undefined {
  switch (field.type) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        errors.push(`${where}: ${field.name} is a number; give a number, not ${JSON.stringify(v)}`);
        return undefined;
      }
      if (field.integer && !Number.isInteger(v)) {
        errors.push(`${where}: ${field.name} holds whole numbers (amounts are in cents); give an integer`);
        return undefined;
      }
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') {
        errors.push(`${where}: ${field.name} is true or false; give a boolean`);
        return undefined;
      }
      return v;
    case 'text':
      if (typeof v !== 'string') {
        errors.push(`${where}: ${field.name} is text; give a string`);
        return undefined;
      }
      return v;
    case 'timestamp': {
      const dt = typeof v === 'string' ? parseLocalInstant(v, zone) : undefined;
      if (!dt) {
        errors.push(`${where}: ${field.name} is a timestamp; give an ISO date like 2026-11-01 or 2026-11-01T18:00`);
        return undefined;
      }
      return dt.toUTC().toISO()!;
    }
  }
}
