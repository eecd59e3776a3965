'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { searchQuery } from '../queries';

/** What a caller's question would find: the passages the assistant is handed. */
export function SearchTester({ tenantId }: { tenantId: string }) {
  const api = useApi();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const query = useQuery({ ...searchQuery(api, tenantId, q), enabled: q.length > 0 });
  return (
    <section className="card stack" aria-labelledby="kb-try">
      <h2 id="kb-try">Try a caller’s question</h2>
      <form
        className="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(draft.trim());
        }}
      >
        <Field label="Question" className="grow">
          {(p) => <input {...p} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Do you have gluten-free options?" maxLength={300} />}
        </Field>
        <Button type="submit">Search</Button>
      </form>
      {q && (
        <QueryView query={query} loadingLabel="Searching…" isEmpty={(d) => d.items.length === 0} empty={{ title: 'Nothing found', body: 'The assistant would say it does not know. Add a document that answers it.' }}>
          {(data) => (
            <ol className="stack" aria-label="Passages found">
              {data.items.map((hit, i) => (
                <li key={i}>
                  <strong>{hit.title}</strong>
                  {hit.heading && <span className="muted"> › {hit.heading}</span>}
                  <p className="small">{hit.text}</p>
                </li>
              ))}
            </ol>
          )}
        </QueryView>
      )}
    </section>
  );
}
