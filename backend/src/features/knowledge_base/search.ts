import { sql, type Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { queryWords } from './passages.js';
import './tables.js';

export interface SearchHit {
  documentId: string;
  title: string;
  heading: string | null;
  text: string;
  score: number;
}

export const DEFAULT_HITS = 3;

/**
 * Full-text search over the tenant's passages: every word first (websearch syntax), then, when
 * that finds nothing, any word (so "do you have gluten free options" still finds the allergen
 * passage). Ranked by ts_rank; both queries use the GIN index.
 */
export async function searchPassages(db: Kysely<Database>, tenantId: string, query: string, limit = DEFAULT_HITS): Promise<SearchHit[]> {
  const strict = await run(db, tenantId, sql`websearch_to_tsquery('english', ${query})`, limit);
  if (strict.length > 0) return strict;
  const words = queryWords(query);
  if (words.length === 0) return [];
  return run(db, tenantId, sql`to_tsquery('english', ${words.join(' | ')})`, limit);
}

async function run(db: Kysely<Database>, tenantId: string, tsquery: ReturnType<typeof sql>, limit: number): Promise<SearchHit[]> {
  const { rows } = await sql<{ document_id: string; title: string; heading: string | null; body: string; score: number }>`
    select p.document_id, p.title, p.heading, p.body, ts_rank(p.tsv, q.q) as score
    from kb_passages p, (select ${tsquery} as q) q
    where p.tenant_id = ${tenantId} and p.tsv @@ q.q
    order by score desc, p.document_id, p.passage_no
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ documentId: r.document_id, title: r.title, heading: r.heading, text: r.body, score: Number(r.score) }));
}
