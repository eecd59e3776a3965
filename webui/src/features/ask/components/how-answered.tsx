import Link from 'next/link';

/** The QuerySpec and the SQL that ran, from the audit trail: closed until asked for. */
export function HowAnswered({ spec, sql, params, auditId }: { spec: unknown; sql: string | null; params: unknown[] | null; auditId: string | null }) {
  return (
    <details>
      <summary>How this was answered</summary>
      <div className="stack" style={{ marginTop: '0.5rem' }}>
        <div>
          <h3>Query</h3>
          <pre aria-label="QuerySpec">{spec ? JSON.stringify(spec, null, 2) : 'No query was made.'}</pre>
        </div>
        <div>
          <h3>SQL</h3>
          <pre aria-label="SQL">{sql ?? 'No SQL ran.'}</pre>
          {params && params.length > 0 && <p className="small muted">Parameters: {params.map((p) => JSON.stringify(p)).join(', ')}</p>}
        </div>
        {auditId && (
          <p className="small">
            <Link href={`/audit/detail/?id=${encodeURIComponent(auditId)}`}>See this run in the audit trail</Link>
          </p>
        )}
      </div>
    </details>
  );
}
