'use client';
import { useMutation } from '@tanstack/react-query';
import type { OpeningHours, ServiceHours } from '@vozlia/contract';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useApiForm } from '@/lib/use-api-form';
import { hoursFieldOf, serviceHoursFormFrom, ServiceHoursForm, serviceHoursOf, serviceHoursWithForm } from '../service-hours-form';
import type { HoursFormValue } from '../hours-form';
import { HoursFields } from './hours-fields';

interface ServiceHoursSectionProps {
  heading: string;
  description: string;
  /** What one row is called ("Kitchen hours 1"). */
  noun: string;
  hours: ServiceHours;
  /** The business's opening hours, offered as a starting point. */
  openingHours: OpeningHours | null;
  apiPrefix: Parameters<typeof hoursFieldOf>[0];
  /** Stores the document with these hours (and updates what the page shows). */
  save: (hours: ServiceHours) => Promise<unknown>;
}

/**
 * The hours a menu takes orders for, or a catalog takes bookings in: a form of its own, saved
 * with the rest of the stored document unchanged.
 */
export function ServiceHoursSection({ heading, description, noun, hours, openingHours, apiPrefix, save }: ServiceHoursSectionProps) {
  const headingId = useId();
  const { form, formError, showServerError } = useApiForm(ServiceHoursForm, serviceHoursFormFrom(hours), hoursFieldOf(apiPrefix), 'onSubmit');
  const mutation = useMutation({ mutationFn: (v: HoursFormValue) => save(serviceHoursWithForm(v)), onError: showServerError });
  const copyOpeningHours = () => {
    if (!openingHours) return;
    form.reset({ ...form.getValues(), ...serviceHoursFormFrom(serviceHoursOf(openingHours)) }, { keepDefaultValues: true });
  };
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <div>
        <h2 id={headingId}>{heading}</h2>
        <p className="muted">{description}</p>
      </div>
      <form className="stack" noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <FormOutcome error={formError} saved={mutation.isSuccess} />
        {openingHours && openingHours.weekly.length > 0 && (
          <div>
            <Button size="sm" onClick={copyOpeningHours}>
              Copy opening hours
            </Button>
          </div>
        )}
        <HoursFields form={form} noun={noun} namedDates={false} />
        <div>
          <Button type="submit" variant="primary" busy={mutation.isPending}>
            Save {noun.toLowerCase()}
          </Button>
        </div>
      </form>
    </section>
  );
}
