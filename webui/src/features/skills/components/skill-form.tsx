'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SaveSkillRequest, SkillChannel, type QuerySpec, type Skill } from '@vozlia/contract';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { humanize } from '@/components/ui/badge';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { useApi } from '@/lib/api/api-context';
import { useApiForm } from '@/lib/use-api-form';
import { CUSTOM, SCHEDULE_PRESETS } from '../schedules';
import { createSkill, skillsKey, updateSkill } from '../queries';

interface SkillFormProps {
  tenantId: string;
  spec: QuerySpec;
  /** Editing an existing skill (PUT) rather than saving a new one (POST). */
  skill?: Skill;
  defaultName?: string;
  onSaved(skill: Skill): void;
}

/** Name, schedule and where results go; the spec rides along unchanged. */
export function SkillForm({ tenantId, spec, skill, defaultName = '', onSaved }: SkillFormProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { form, formError, showServerError } = useApiForm(SaveSkillRequest, {
    name: skill?.name ?? defaultName,
    spec,
    schedule: skill?.schedule ?? null,
    channel: skill?.channel ?? 'portal',
  });
  const initialPreset = SCHEDULE_PRESETS.some((p) => p.cron === (skill?.schedule ?? null)) ? String(skill?.schedule ?? '') : CUSTOM;
  const [preset, setPreset] = useState(initialPreset);
  const mutation = useMutation({
    mutationFn: (body: SaveSkillRequest) => (skill ? updateSkill(api, tenantId, skill.id, body) : createSkill(api, tenantId, body)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: skillsKey(tenantId) });
      onSaved(saved);
    },
    onError: showServerError,
  });
  const { errors } = form.formState;

  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit((body) => mutation.mutate(body))}>
      <FormError message={formError} />
      <Field label="Name" error={errors.name?.message}>
        {(p) => <input {...p} {...form.register('name')} maxLength={80} />}
      </Field>
      <Field label="Run it" error={preset === CUSTOM ? undefined : errors.schedule?.message}>
        {(p) => (
          <select
            {...p}
            value={preset}
            onChange={(e) => {
              setPreset(e.target.value);
              if (e.target.value !== CUSTOM) form.setValue('schedule', e.target.value || null, { shouldValidate: true });
            }}
          >
            {SCHEDULE_PRESETS.map((s) => (
              <option key={s.label} value={s.cron ?? ''}>
                {s.label}
              </option>
            ))}
            <option value={CUSTOM}>On a custom schedule…</option>
          </select>
        )}
      </Field>
      {preset === CUSTOM && (
        <Field label="Custom schedule" hint="Five-field cron in your time zone, at most hourly: “0 18 * * 5” is Fridays at 18:00." error={errors.schedule?.message}>
          {(p) => <input {...p} {...form.register('schedule', { setValueAs: (v: string | null) => (v && v.trim() ? v.trim() : null) })} placeholder="0 18 * * 5" />}
        </Field>
      )}
      <Field label="Send results to" error={errors.channel?.message}>
        {(p) => (
          <select {...p} {...form.register('channel')}>
            {SkillChannel.options.map((c) => (
              <option key={c} value={c}>
                {c === 'portal' ? 'This portal only' : humanize(c === 'sms' ? 'SMS to my phone' : 'Email to me')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button type="submit" variant="primary" busy={mutation.isPending}>
        {skill ? 'Save changes' : 'Save skill'}
      </Button>
    </form>
  );
}
