'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { useTenant } from '@/features/tenant/use-tenant';
import { skillsQuery } from '../queries';
import { SkillCard } from './skill-card';

export function SkillsPage() {
  const api = useApi();
  const tenant = useTenant();
  const query = useQuery(skillsQuery(api, tenant.tenantId));
  return (
    <>
      <PageHeader title="Skills" description="Questions you saved: run them now, or let them run on a schedule and send you the answer." actions={<Link href="/ask/" className="btn btn-primary">Ask a new question</Link>} />
      <QueryView
        query={query}
        loadingLabel="Loading skills…"
        isEmpty={(d) => d.items.length === 0}
        empty={{ title: 'No skills yet', body: <>Ask a question on <Link href="/ask/">Ask your business</Link>, then save it as a skill.</> }}
      >
        {(data) => (
          <div className="grid-cards">
            {data.items.map((skill) => (
              <SkillCard key={skill.id} skill={skill} tenantId={tenant.tenantId} zone={tenant.zone} />
            ))}
          </div>
        )}
      </QueryView>
    </>
  );
}
