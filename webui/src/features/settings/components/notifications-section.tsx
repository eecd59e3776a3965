'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettings } from '@vozlia/contract';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { FormOutcome } from '@/components/ui/form-outcome';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { tenantKey } from '@/lib/query/tenant-query';
import { useApiForm } from '@/lib/use-api-form';
import { formFromSettings, NotificationForm, settingsFromForm } from '../notification-form';
import { notificationSettingsQuery, saveNotificationSettings } from '../queries';

/** Who hears about orders, appointment requests and missed calls, and when not to text them. */
export function NotificationsSection({ tenantId }: { tenantId: string }) {
  const api = useApi();
  const query = useQuery(notificationSettingsQuery(api, tenantId));
  return (
    <section className="card stack" aria-labelledby="notify-heading">
      <div>
        <h2 id="notify-heading">Notifications</h2>
        <p className="muted">Who hears about new orders, appointment requests and missed calls, and the hours when only urgent messages go out.</p>
      </div>
      <QueryView query={query} loadingLabel="Loading notification settings…">
        {({ doc, etag }) => <NotificationsForm tenantId={tenantId} settings={doc} etag={etag} />}
      </QueryView>
    </section>
  );
}

function NotificationsForm({ tenantId, settings, etag }: { tenantId: string; settings: NotificationSettings; etag: string | null }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const { form, formError, showServerError } = useApiForm(NotificationForm, formFromSettings(settings));
  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof settingsFromForm>) => saveNotificationSettings(api, tenantId, body, etag),
    onSuccess: async (saved) => {
      setNewSecret(saved.doc.new_webhook_secret ?? null);
      queryClient.setQueryData(tenantKey(tenantId, 'notifications', 'settings'), saved);
    },
    onError: showServerError,
  });
  const { errors } = form.formState;
  const quiet = form.watch('quiet');
  const zone = settings.time_zone.replace(/_/g, ' ');
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(settingsFromForm(v, settings)))}>
      <FormOutcome error={formError} saved={mutation.isSuccess} />
      {newSecret && (
        <p className="small" role="status">
          Your webhook’s signing secret, shown only this once: <code style={{ overflowWrap: "anywhere" }}>{newSecret}</code>
        </p>
      )}
      <Field label="Text messages to" hint="Your mobile numbers in international form, separated by commas: +15550109001." error={errors.sms?.message}>
        {(p) => <input {...p} {...form.register('sms')} inputMode="tel" autoComplete="tel" />}
      </Field>
      <Field label="Emails to" hint="Separated by commas." error={errors.email?.message}>
        {(p) => <input {...p} {...form.register('email')} inputMode="email" autoComplete="email" />}
      </Field>
      <Checkbox label="Text my customers a confirmation of their order or booking" {...form.register('customer_confirmations')} />
      <Checkbox label="Quiet hours: hold messages that are not urgent" {...form.register('quiet')} />
      {quiet && (
        <div className="row">
          <Field label="Quiet from" hint={zone} error={errors.quiet_start?.message}>
            {(p) => <input {...p} {...form.register('quiet_start')} type="time" />}
          </Field>
          <Field label="Quiet until" hint={zone} error={errors.quiet_end?.message}>
            {(p) => <input {...p} {...form.register('quiet_end')} type="time" />}
          </Field>
        </div>
      )}
      <Field label="Webhook address (optional)" hint={settings.webhook ? `Signed with a secret ending ${settings.webhook.secret_hint}.` : 'Your system gets every event as a signed JSON POST.'} error={errors.webhook_url?.message}>
        {(p) => <input {...p} {...form.register('webhook_url')} inputMode="url" placeholder="https://example.com/vozlia" />}
      </Field>
      <div>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          Save notifications
        </Button>
      </div>
    </form>
  );
}
