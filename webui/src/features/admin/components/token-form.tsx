'use client';
import { TenantList } from '@vozlia/contract';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { ApiClient } from '@/lib/api/api-client';
import { ApiError } from '@/lib/api/api-error';

/** Asks for the admin token once and keeps it only if the server accepts it. */
export function TokenForm({ onAccepted }: { onAccepted(token: string): void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    const probe = new ApiClient({ csrfToken: () => null, bearerToken: () => token.trim() || null });
    try {
      await probe.get('/api/admin/tenants', TenantList);
      onAccepted(token.trim());
    } catch (err) {
      setError(err instanceof ApiError && (err.kind === 'unauthorized' || err.kind === 'forbidden') ? 'That token was refused.' : err instanceof Error ? err.message : 'Could not check the token.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormError message={error} />
      <Field label="Admin token" hint="The server's VOZ_ADMIN_TOKEN. Kept in this browser tab only. Leave empty on a local server without one.">
        {(p) => <input {...p} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />}
      </Field>
      <Button type="submit" variant="primary" busy={busy}>
        Continue
      </Button>
    </form>
  );
}
