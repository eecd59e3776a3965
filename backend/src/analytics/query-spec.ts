import type { z } from 'zod';
import { LIMIT_MAX, LIMIT_MIN } from '@vozlia/contract';

// The QuerySpec schema is part of the HTTP contract (§5): it lives in @vozlia/contract, shared
// with the portal; this module keeps the names the analytics code imports.
export {
  ALIAS_PATTERN,
  FILTER_OPS,
  FilterValueSchema,
  GRAINS,
  LIMIT_DEFAULT,
  LIMIT_MAX,
  LIMIT_MIN,
  MAX_FILTERS,
  MAX_GROUP_BY,
  MAX_IN_VALUES,
  MAX_METRICS,
  MAX_TEXT_VALUE_CHARS,
  METRIC_FNS,
  PRESETS,
  QuerySpecSchema,
  querySpecSchema,
} from '@vozlia/contract';
export type {
  FilterOp,
  FilterSpec,
  FilterValue,
  Grain,
  GroupSpec,
  MetricFn,
  MetricSpec,
  OrderSpec,
  Preset,
  QuerySpec,
  SpecVocabulary,
  TimeRangeSpec,
} from '@vozlia/contract';

/** Zod issues in words a model can act on: where, then what. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : 'the spec';
    if (issue.code === 'too_big' && issue.path.at(-1) === 'limit') return `limit must be between ${LIMIT_MIN} and ${LIMIT_MAX}`;
    if (issue.code === 'too_small' && issue.path.at(-1) === 'limit') return `limit must be between ${LIMIT_MIN} and ${LIMIT_MAX}`;
    if (issue.code === 'unrecognized_keys') return `${where}: unknown key(s) ${issue.keys.join(', ')}; remove them`;
    if (issue.code === 'invalid_value') return `${where}: must be one of ${issue.values.map(String).join(', ')}`;
    if (issue.code === 'too_big' && issue.origin === 'array') return `${where}: at most ${String(issue.maximum)} entries`;
    return `${where}: ${issue.message}`;
  });
}
