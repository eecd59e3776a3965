'use client';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { QueryView } from '@/components/ui/query-view';
import { healthQuery } from '../health';

export function HealthPanel() {
  const query = useQuery(healthQuery());
  return (
    <QueryView query={query} loadingLabel="Checking the server…">
      {(h) => (
        <div className="grid-cards">
          <section className="card figure-card" aria-labelledby="h-live">
            <h2 id="h-live">Serving</h2>
            <p className="figure-value">{h.live ? <Badge tone="success">Up</Badge> : <Badge tone="danger">Down</Badge>}</p>
            <p className="figure-sub">GET /healthz</p>
          </section>
          <section className="card figure-card" aria-labelledby="h-ready">
            <h2 id="h-ready">Ready</h2>
            <p className="figure-value">{h.ready ? <Badge tone="success">Ready</Badge> : <Badge tone="warning">Not ready</Badge>}</p>
            <p className="figure-sub">Database migrated and reachable (GET /readyz)</p>
          </section>
          <section className="card figure-card" aria-labelledby="h-calls">
            <h2 id="h-calls">Live calls</h2>
            <p className="figure-value" data-testid="live-calls">
              {h.liveCalls ?? '—'}
            </p>
            <p className="figure-sub">On this instance, refreshed every 10 s</p>
          </section>
        </div>
      )}
    </QueryView>
  );
}
