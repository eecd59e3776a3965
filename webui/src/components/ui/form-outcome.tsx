import { FormError } from './form-error';

/** Above a form: its form-level error (announced), or "Saved." once the last save went through. */
export function FormOutcome({ error, saved }: { error: string | undefined | null; saved: boolean }) {
  return (
    <>
      <FormError message={error} />
      {saved && (
        <p role="status" className="badge badge-success">
          Saved.
        </p>
      )}
    </>
  );
}
