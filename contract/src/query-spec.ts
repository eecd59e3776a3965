import { z } from 'zod';

/** QuerySpec v1 (contract §5): the only language an owner question is compiled from. */
export const METRIC_FNS = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max'] as const;
export const GRAINS = ['hour', 'day', 'week', 'month', 'quarter', 'year', 'day_of_week', 'hour_of_day'] as const;
export const FILTER_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'is_null', 'is_not_null'] as const;
export const PRESETS = [
  'today',
  'yesterday',
  'this_week',
  'last_week',
  'last_7_days',
  'last_30_days',
  'this_month',
  'last_month',
  'this_year',
  'all_time',
] as const;

export type MetricFn = (typeof METRIC_FNS)[number];
export type Grain = (typeof GRAINS)[number];
export type FilterOp = (typeof FILTER_OPS)[number];
export type Preset = (typeof PRESETS)[number];

export const LIMIT_MIN = 1;
export const LIMIT_MAX = 500;
export const LIMIT_DEFAULT = 100;
export const MAX_METRICS = 10;
export const MAX_GROUP_BY = 3;
export const MAX_FILTERS = 10;
export const MAX_IN_VALUES = 100;
export const MAX_TEXT_VALUE_CHARS = 200;
/** Aliases become result column names, so they are plain snake_case words. */
export const ALIAS_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** Enumerations a session knows (the tenant's catalog); absent = plain strings (parsing side). */
export interface SpecVocabulary {
  subjects: readonly string[];
  fields: readonly string[];
}

export const FilterValueSchema = z.union([
  z.string().max(MAX_TEXT_VALUE_CHARS),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string().max(MAX_TEXT_VALUE_CHARS), z.number()])),
  z.null(),
]);
export type FilterValue = z.infer<typeof FilterValueSchema>;

function nameSchema(values: readonly string[] | undefined, what: string) {
  return values && values.length > 0
    ? z.enum(values as [string, ...string[]]).describe(what)
    : z.string().min(1).max(63).describe(what);
}

/**
 * Builds the QuerySpec schema. `strict` gives the OpenAI function-calling form (every property
 * required, nullables as unions, no extra properties); otherwise missing optional parts take their
 * contract defaults, for specs written by people (portal, saved skills).
 */
export function querySpecSchema(vocab?: SpecVocabulary, opts: { strict?: boolean; subjectHelp?: string } = {}) {
  const field = nameSchema(vocab?.fields, 'a field of the subject');
  const fieldOrNull = field.nullable();
  const strict = opts.strict ?? false;
  const metric = z.strictObject({
    fn: z.enum(METRIC_FNS),
    field: fieldOrNull.describe('the field to aggregate; null only for count (count of rows)'),
    as: z.string().regex(ALIAS_PATTERN).describe('result column name, snake_case'),
  });
  const group = z.strictObject({
    field,
    grain: z.enum(GRAINS).nullable().describe('time bucket, only for timestamp fields; null otherwise'),
  });
  const filter = z.strictObject({
    field,
    op: z.enum(FILTER_OPS),
    value: FilterValueSchema.describe('a string, number or boolean; an array for in/not_in; null for is_null/is_not_null'),
  });
  const timeRange = z
    .strictObject({
      field: field.describe('the timestamp field the range applies to'),
      preset: z.enum(PRESETS).nullable(),
      from: z.string().max(40).nullable().describe('ISO date or date-time, inclusive, in the business time zone'),
      to: z.string().max(40).nullable().describe('ISO date or date-time, exclusive, in the business time zone'),
    })
    .nullable();
  const orderBy = z.strictObject({
    key: z.string().min(1).max(63).describe("a metric's `as` or a group_by field"),
    dir: z.enum(['asc', 'desc']),
  });
  const limit = z.number().int().min(LIMIT_MIN).max(LIMIT_MAX);
  const subject = nameSchema(vocab?.subjects, opts.subjectHelp ?? 'the analytic subject (a table of the business data)');

  if (strict) {
    return z.strictObject({
      subject,
      metrics: z.array(metric).max(MAX_METRICS),
      group_by: z.array(group).max(MAX_GROUP_BY),
      filters: z.array(filter).max(MAX_FILTERS),
      time_range: timeRange,
      order_by: z.array(orderBy).max(MAX_GROUP_BY + MAX_METRICS),
      limit: limit.nullable().describe(`maximum rows, ${LIMIT_MIN}-${LIMIT_MAX}; null means ${LIMIT_DEFAULT}`),
    });
  }
  return z.strictObject({
    subject,
    metrics: z.array(metric).max(MAX_METRICS).default([]),
    group_by: z.array(group.extend({ grain: group.shape.grain.default(null) })).max(MAX_GROUP_BY).default([]),
    filters: z.array(filter.extend({ value: filter.shape.value.default(null) })).max(MAX_FILTERS).default([]),
    time_range: timeRange.default(null),
    order_by: z.array(orderBy).max(MAX_GROUP_BY + MAX_METRICS).default([]),
    limit: limit.nullable().default(LIMIT_DEFAULT),
  });
}

export const QuerySpecSchema = querySpecSchema();
export type QuerySpec = z.infer<typeof QuerySpecSchema>;
/** A spec as a person may write it: defaults not yet applied. */
export type QuerySpecInput = z.input<typeof QuerySpecSchema>;
export type MetricSpec = QuerySpec['metrics'][number];
export type GroupSpec = QuerySpec['group_by'][number];
export type FilterSpec = QuerySpec['filters'][number];
export type TimeRangeSpec = NonNullable<QuerySpec['time_range']>;
export type OrderSpec = QuerySpec['order_by'][number];
