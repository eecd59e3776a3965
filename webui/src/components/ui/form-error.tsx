/** A form-level error (not tied to one field), announced when it appears. */
export function FormError({ message }: { message: string | undefined | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
