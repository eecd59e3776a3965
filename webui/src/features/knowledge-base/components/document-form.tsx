'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DocumentId, SaveDocumentRequest, type DocumentDetail } from '@vozlia/contract';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { useApi } from '@/lib/api/api-context';
import { useApiForm } from '@/lib/use-api-form';
import { kbKey, saveDocument, slugify } from '../queries';

/** Title, format and text of one document; a new one gets its id from the title (and never takes one in use). */
export function DocumentForm({ tenantId, document, etag, onSaved }: { tenantId: string; document: DocumentDetail | null; etag: string | null; onSaved(doc: DocumentDetail): void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { form, formError, setFormError, showServerError } = useApiForm(SaveDocumentRequest, {
    title: document?.title ?? '',
    format: document?.format ?? 'markdown',
    body: document?.body ?? '',
  });
  const [idEdited, setIdEdited] = useState<string | null>(null);
  const title = form.watch('title');
  const documentId = document?.document_id ?? idEdited ?? slugify(title ?? '');
  const mutation = useMutation({
    // A new document never replaces one already under its id; an edit is over the version read.
    mutationFn: (body: SaveDocumentRequest) => saveDocument(api, tenantId, documentId, body, document ? etag : 'new'),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: kbKey(tenantId) });
      onSaved(saved.doc);
    },
    onError: showServerError,
  });
  const idError = document ? undefined : DocumentId.safeParse(documentId).error?.issues[0]?.message;
  const { errors } = form.formState;

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.handleSubmit((body) => {
        if (idError) return setFormError(`Document id: ${idError}`);
        mutation.mutate(body);
      })}
    >
      <FormError message={formError} />
      <Field label="Title" error={errors.title?.message}>
        {(p) => <input {...p} {...form.register('title')} maxLength={200} />}
      </Field>
      {!document && (
        <Field label="Document id" hint="Used in links; set from the title." error={idError}>
          {(p) => <input {...p} value={documentId} onChange={(e) => setIdEdited(e.target.value)} maxLength={63} />}
        </Field>
      )}
      <Field label="Format" error={errors.format?.message}>
        {(p) => (
          <select {...p} {...form.register('format')}>
            <option value="markdown">Markdown (headings split it into passages)</option>
            <option value="text">Plain text</option>
          </select>
        )}
      </Field>
      <Field label="Text" error={errors.body?.message} hint="Write as you would answer a caller. Each heading starts a new passage.">
        {(p) => <textarea {...p} {...form.register('body')} rows={14} />}
      </Field>
      <div className="row">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          Save document
        </Button>
      </div>
    </form>
  );
}
