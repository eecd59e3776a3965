import { loadCatalog, type AnyDb, type Catalog } from './catalog.js';

/**
 * The catalog of one runtime, read from information_schema once (after migrations at start)
 * and then served from memory: the views change only by migration, so re-reading it on every
 * run cost a round trip for nothing (PGlite: p50 34 ms, p95 245 ms per run). One provider per
 * runtime (never module state), so two runtimes in one process never share a catalog.
 */
export class CatalogProvider {
  readonly #db: AnyDb;
  #catalog: Promise<Catalog> | undefined;

  constructor(db: AnyDb) {
    this.#db = db;
  }

  /** Reads the catalog now: after migrating, or when a test has changed the analytics schema. */
  refresh(): Promise<Catalog> {
    const loading = loadCatalog(this.#db);
    this.#catalog = loading;
    // A failed read is not cached: the next run tries again.
    loading.catch(() => {
      if (this.#catalog === loading) this.#catalog = undefined;
    });
    return loading;
  }

  /** The catalog in memory; read on first use if nothing has loaded it yet (a request before start completes). */
  current(): Promise<Catalog> {
    return this.#catalog ?? this.refresh();
  }
}
