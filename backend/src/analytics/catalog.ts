import { sql, type Kysely } from 'kysely';

/** A database handle whose tables are not typed here (views, fixtures, dynamic names). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

/** The schema holding one read-only view per analytic subject. */
export const ANALYTICS_SCHEMA = 'analytics';
/** Present on every view for the tenant filter; never offered as a field. */
export const TENANT_COLUMN = 'tenant_id';

export type FieldType = 'number' | 'text' | 'timestamp' | 'boolean';

export interface CatalogField {
  name: string;
  type: FieldType;
  /** Integer columns refuse fractional values (a bound `5.5` would not cast). */
  integer: boolean;
}

export interface CatalogSubject {
  name: string;
  fields: readonly CatalogField[];
}

/** Subjects and fields as found in the database, in a stable (alphabetical) order. */
export interface Catalog {
  subjects: readonly CatalogSubject[];
}

export interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
}

const NUMBER_TYPES = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']);
const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint']);
const TEXT_TYPES = new Set(['text', 'character varying', 'character']);
const TIME_TYPES = new Set(['timestamp with time zone', 'timestamp without time zone', 'date']);

export function fieldType(dataType: string): FieldType | undefined {
  if (NUMBER_TYPES.has(dataType)) return 'number';
  if (TEXT_TYPES.has(dataType)) return 'text';
  if (TIME_TYPES.has(dataType)) return 'timestamp';
  if (dataType === 'boolean') return 'boolean';
  return undefined;
}

/** Pure: information_schema rows → catalog. Views without a tenant column are not subjects. */
export function buildCatalog(rows: readonly ColumnRow[]): Catalog {
  const byTable = new Map<string, ColumnRow[]>();
  for (const row of rows) {
    const list = byTable.get(row.table_name) ?? [];
    list.push(row);
    byTable.set(row.table_name, list);
  }
  const subjects: CatalogSubject[] = [];
  for (const [name, cols] of [...byTable.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!cols.some((c) => c.column_name === TENANT_COLUMN)) continue;
    const fields: CatalogField[] = [];
    for (const c of cols) {
      if (c.column_name === TENANT_COLUMN) continue;
      const type = fieldType(c.data_type);
      if (!type) continue;
      fields.push({ name: c.column_name, type, integer: INTEGER_TYPES.has(c.data_type) });
    }
    fields.sort((a, b) => a.name.localeCompare(b.name));
    if (fields.length > 0) subjects.push({ name, fields });
  }
  return { subjects };
}

/** Reads the analytic views' columns from information_schema (never a hand-kept list). */
export async function loadCatalog(db: AnyDb): Promise<Catalog> {
  const { rows } = await sql<ColumnRow>`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.views v on v.table_schema = c.table_schema and v.table_name = c.table_name
    where c.table_schema = ${ANALYTICS_SCHEMA}
    order by c.table_name, c.ordinal_position`.execute(db);
  return buildCatalog(rows);
}

export function findSubject(catalog: Catalog, name: string): CatalogSubject | undefined {
  return catalog.subjects.find((s) => s.name === name);
}

export function findField(subject: CatalogSubject, name: string): CatalogField | undefined {
  return subject.fields.find((f) => f.name === name);
}

/** Every field name over all subjects, sorted and unique (the tool schema's enum). */
export function allFieldNames(catalog: Catalog): string[] {
  return [...new Set(catalog.subjects.flatMap((s) => s.fields.map((f) => f.name)))].sort();
}
