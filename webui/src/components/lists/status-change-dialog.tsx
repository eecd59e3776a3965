'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { humanize } from '@/components/ui/badge';
import { Modal } from '@/components/ui/modal';
import { useApiForm } from '@/lib/use-api-form';

type StatusBody<S extends string> = { status: S; reason?: string | undefined };

interface StatusChangeDialogProps<S extends string> {
  /** What is being changed, e.g. "order from Ana". */
  subject: string;
  current: string;
  next: readonly S[];
  /** The contract's request schema (`SetOrderStatusRequest`…). */
  schema: z.ZodType<StatusBody<S>, StatusBody<S>>;
  save(body: StatusBody<S>): Promise<unknown>;
}

/** "Change status": the moves allowed from the current status, a reason when cancelling. */
export function StatusChangeDialog<S extends string>({ subject, current, next, schema, save }: StatusChangeDialogProps<S>) {
  const [open, setOpen] = useState(false);
  const { form, formError, setFormError, showServerError } = useApiForm(schema, { status: next[0], reason: '' } as never);
  const mutation = useMutation({
    mutationFn: (body: StatusBody<S>) => save(body.status === 'cancelled' && body.reason ? body : { status: body.status }),
    onSuccess: () => setOpen(false),
    onError: showServerError,
  });
  if (next.length === 0) return null;
  const onOpenChange = (o: boolean) => {
    setOpen(o);
    if (o) {
      form.reset({ status: next[0], reason: '' } as never);
      setFormError(null);
    }
  };
  const status = form.watch('status' as never) as unknown as string;
  return (
    <>
      <Button size="sm" onClick={() => onOpenChange(true)} aria-label={`Change status of ${subject}`}>
        Change status
      </Button>
      <Modal open={open} onOpenChange={onOpenChange} title="Change status" description={`${humanize(subject)} is ${humanize(current).toLowerCase()}.`}>
        <form className="stack" noValidate onSubmit={form.handleSubmit((body) => mutation.mutate(body as StatusBody<S>))}>
          <FormError message={formError} />
          <Field label="New status">
            {(p) => (
              <select {...p} {...form.register('status' as never)}>
                {next.map((s) => (
                  <option key={s} value={s}>
                    {humanize(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {status === 'cancelled' && (
            <Field label="Reason (optional)" hint="Kept with the record." error={(form.formState.errors as Record<string, { message?: string }>).reason?.message}>
              {(p) => <input {...p} {...form.register('reason' as never)} maxLength={300} />}
            </Field>
          )}
          <div className="row">
            <Button type="submit" variant="primary" busy={mutation.isPending}>
              Save status
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
