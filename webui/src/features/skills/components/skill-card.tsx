'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Skill } from '@vozlia/contract';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Modal } from '@/components/ui/modal';
import { StatusBadge } from '@/components/ui/status-badge';
import { useApi } from '@/lib/api/api-context';
import { formatInstant } from '@/lib/format/dates';
import { describeSchedule } from '../schedules';
import { deleteSkill, runSkill, skillsKey } from '../queries';
import { SkillForm } from './skill-form';

export function SkillCard({ skill, tenantId, zone }: { skill: Skill; tenantId: string; zone: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: skillsKey(tenantId) });
  const run = useMutation({ mutationFn: () => runSkill(api, tenantId, skill.id), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => deleteSkill(api, tenantId, skill.id), onSuccess: refresh });
  const headingId = `skill-${skill.id}`;
  const latest = run.data ? { answer: run.data.ok ? run.data.answer : run.data.fallback, outcome: run.data.ok ? 'ok' : run.data.reason, at: null } : null;

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <div>
        <h2 id={headingId}>{skill.name}</h2>
        <p className="muted small">
          {describeSchedule(skill.schedule)}
          {skill.next_run_at && ` · next ${formatInstant(skill.next_run_at, zone)}`} · results to {skill.channel === 'portal' ? 'this portal' : skill.channel.toUpperCase()}
        </p>
      </div>
      <div aria-live="polite">
        {latest ? (
          <p>
            <StatusBadge status={latest.outcome} /> {latest.answer} <span className="muted small">(just now)</span>
          </p>
        ) : skill.last_run_at ? (
          <p>
            {skill.last_outcome && <StatusBadge status={skill.last_outcome} />} {skill.last_answer ?? ''}{' '}
            <span className="muted small">
              (last run {formatInstant(skill.last_run_at, zone)}, {skill.runs} in all
              {skill.last_audit_id && (
                <>
                  , <Link href={`/audit/detail/?id=${encodeURIComponent(skill.last_audit_id)}`}>audit</Link>
                </>
              )}
              )
            </span>
          </p>
        ) : (
          <p className="muted">Not run yet.</p>
        )}
        <FormError message={run.error?.message ?? remove.error?.message} />
      </div>
      <div className="row">
        <Button variant="primary" size="sm" busy={run.isPending} onClick={() => run.mutate()} aria-label={`Run now: ${skill.name}`}>
          Run now
        </Button>
        <Button size="sm" onClick={() => setEditing(true)} aria-label={`Edit schedule of ${skill.name}`}>
          Edit schedule
        </Button>
        <Button size="sm" variant="danger" onClick={() => setConfirmDelete(true)} aria-label={`Delete ${skill.name}`}>
          Delete
        </Button>
      </div>
      <Modal open={editing} onOpenChange={setEditing} title={`Edit “${skill.name}”`}>
        <SkillForm tenantId={tenantId} spec={skill.spec} skill={skill} onSaved={() => setEditing(false)} />
      </Modal>
      <Modal open={confirmDelete} onOpenChange={setConfirmDelete} title="Delete this skill?" description={`“${skill.name}” stops running. Its past runs stay in the audit trail.`}>
        <div className="row">
          <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => setConfirmDelete(false) })}>
            Delete skill
          </Button>
          <Button onClick={() => setConfirmDelete(false)}>Keep it</Button>
        </div>
      </Modal>
    </section>
  );
}
