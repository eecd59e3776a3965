import { z } from 'zod';
import { allFieldNames, type Catalog } from './catalog.js';
import { querySpecSchema } from './query-spec.js';

export const QUERY_TOOL_NAME = 'query_business_metrics';

export const QUERY_TOOL_DESCRIPTION =
  "Answers the owner's questions about the business (orders, revenue, items, appointments, calls, notifications) " +
  'with exact figures from its records. Amounts are in cents. Times are in the business time zone. ' +
  'State the period from the result window when you answer. If the result has ok=false, say its fallback.';

/** One line per subject, so the model pairs fields with the right subject. */
export function subjectHelp(catalog: Catalog): string {
  return (
    'The subject to query. Its fields: ' +
    catalog.subjects.map((s) => `${s.name} (${s.fields.map((f) => `${f.name}:${f.type}`).join(', ')})`).join('; ')
  );
}

/**
 * The tool's parameters in OpenAI strict function-calling form: every property required,
 * nullables as unions with null, `additionalProperties: false` on every object; subjects and
 * field names are enums of this catalog, so the model cannot invent a column.
 */
export function queryToolParameters(catalog: Catalog): Record<string, unknown> {
  const schema = querySpecSchema(
    { subjects: catalog.subjects.map((s) => s.name), fields: allFieldNames(catalog) },
    { strict: true, subjectHelp: subjectHelp(catalog) },
  );
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  delete json.$schema;
  return stripUnsupported(json) as Record<string, unknown>;
}

/** String length limits are not part of the strict subset; validation enforces them instead. */
const UNSUPPORTED = new Set(['minLength', 'maxLength']);
function stripUnsupported(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripUnsupported);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>)
      .filter(([k]) => !UNSUPPORTED.has(k))
      .map(([k, v]) => [k, k === 'enum' ? v : stripUnsupported(v)]),
  );
}
