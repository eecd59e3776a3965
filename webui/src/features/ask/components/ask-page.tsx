'use client';
import { useMutation } from '@tanstack/react-query';
import { AskRequest, QUESTION_MAX_CHARS, type AskResult } from '@vozlia/contract';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { Modal } from '@/components/ui/modal';
import { PageHeader } from '@/components/ui/page-header';
import { Loading } from '@/components/ui/state-views';
import { useApi } from '@/lib/api/api-context';
import { useApiForm } from '@/lib/use-api-form';
import { useTenant } from '@/features/tenant/use-tenant';
import { SkillForm } from '@/features/skills/components/skill-form';
import { ask } from '../queries';
import { AnswerView } from './answer-view';
import { HowAnswered } from './how-answered';

const EXAMPLES = ['How many orders last week?', 'Revenue by day this month', 'Top 5 items this month', 'How many missed calls yesterday?'];

export function AskPage() {
  const api = useApi();
  const tenant = useTenant();
  const { form, formError, showServerError } = useApiForm(AskRequest, { question: '' });
  const [saving, setSaving] = useState(false);
  const [savedName, setSavedName] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: AskRequest) => ask(api, tenant.tenantId, body),
    onMutate: () => setSavedName(null),
    onError: showServerError,
  });
  const submit = form.handleSubmit((body) => mutation.mutate(body));
  const result: AskResult | undefined = mutation.data;

  return (
    <>
      <PageHeader title="Ask your business" description="Ask in your own words. Answers come from your records, never guessed, and every question is kept in the audit trail." />
      <section className="card" aria-label="Question">
        <form className="stack" noValidate onSubmit={submit}>
          <FormError message={formError} />
          <Field label="Your question" error={form.formState.errors.question?.message} hint="Press Enter to ask; Shift+Enter for a new line.">
            {(p) => (
              <textarea
                {...p}
                {...form.register('question')}
                rows={2}
                maxLength={QUESTION_MAX_CHARS}
                style={{ minHeight: '4rem' }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    void submit();
                  }
                }}
              />
            )}
          </Field>
          <div>
            <Button type="submit" variant="primary" busy={mutation.isPending}>
              Ask
            </Button>
          </div>
          <div className="row" style={{ alignItems: 'center' }}>
            <span className="muted small" id="examples-label">
              Or try:
            </span>
            <ul className="chips" aria-labelledby="examples-label">
              {EXAMPLES.map((q) => (
                <li key={q}>
                  <button type="button" className="chip" onClick={() => form.setValue('question', q, { shouldValidate: true })}>
                    {q}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </form>
      </section>
      <section className="card" aria-label="Answer" aria-live="polite" aria-busy={mutation.isPending}>
        {mutation.isPending && <Loading label="Working it out…" />}
        {!mutation.isPending && !result && <p className="muted">Your answer appears here.</p>}
        {!mutation.isPending && result && (
          <div className="stack">
            <h2>{result.question}</h2>
            <AnswerView result={result} zone={tenant.zone} />
            <HowAnswered spec={result.spec} sql={result.sql} params={result.params} auditId={result.audit_id || null} />
            {result.ok && result.spec && (
              <div className="row">
                <Button onClick={() => setSaving(true)}>Save as a skill</Button>
                {savedName && (
                  <p className="small" role="status">
                    Saved as “{savedName}”. <Link href="/skills/">See your skills</Link>
                  </p>
                )}
              </div>
            )}
            {result.spec && (
              <Modal open={saving} onOpenChange={setSaving} title="Save as a skill" description="Run this question again any time, or on a schedule.">
                <SkillForm
                  tenantId={tenant.tenantId}
                  spec={result.spec}
                  defaultName={result.question.replace(/\?$/, '').slice(0, 80)}
                  onSaved={(skill) => {
                    setSaving(false);
                    setSavedName(skill.name);
                  }}
                />
              </Modal>
            )}
          </div>
        )}
      </section>
    </>
  );
}
