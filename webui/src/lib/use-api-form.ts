'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from './api/api-error';

/**
 * React Hook Form over a contract schema, plus what every form does with a server answer:
 * a 400's field errors land next to their fields (`setError`), anything else above the form.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  /**
   * For forms with rows: where an API field's whole path (`menu.categories.0.items.1.priceCents`)
   * is on this form, null = nowhere. Without it, errors land on top-level fields only.
   */
  fieldOf?: (apiPath: string) => string | null,
  /**
   * When errors first show. Forms with rows pass 'onSubmit': checked on blur, a new row's empty
   * price shows its error while the owner fills the name, and that line vanishing on the last
   * blur moved Save from under the pointer, so the click was lost.
   */
  mode: 'onTouched' | 'onSubmit' = 'onTouched',
) {
  // zodResolver infers input and output types only for a concrete schema; S is generic here.
  const resolver = zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver, defaultValues, mode });
  const [formError, setFormError] = useState<string | null>(null);

  /** Call from a mutation's onError. */
  const showServerError = (error: unknown) => {
    if (error instanceof ApiError && error.kind === 'invalid') {
      const values = form.getValues() as object;
      // A nested path (`categories.0.name`) belongs to the form when its first part does.
      const byField = fieldOf ? error.fieldPaths : error.fieldErrors;
      const known = Object.entries(byField).flatMap(([apiField, message]) => {
        const field = fieldOf ? fieldOf(apiField) : apiField;
        return field !== null && field.split('.')[0]! in values ? [[field, message] as const] : [];
      });
      for (const [field, message] of known) form.setError(field as Path<z.input<S>>, { type: 'server', message });
      if (known.length > 0) return setFormError(null);
    }
    setFormError(error instanceof Error ? error.message : 'Something went wrong.');
  };
  return { form: form as UseFormReturn<z.input<S>, unknown, z.output<S>>, formError, setFormError, showServerError };
}
