'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Catalog, OpeningHours } from '@vozlia/contract';
import { useFieldArray } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { FormOutcome } from '@/components/ui/form-outcome';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { useApiForm } from '@/lib/use-api-form';
import { starterCatalog } from '../starter-documents';
import { DAY_NAMES } from './hours-fields';
import { ServiceHoursSection } from './service-hours-section';
import { StoredOrStarter } from './stored-or-starter';
import { CatalogForm, catalogFieldOf, catalogFormFrom, catalogWithForm, NEW_SERVICE, NEW_STAFF, WEEKDAYS, type CatalogFormValue } from '../catalog-form';
import { catalogKey, catalogQuery, saveCatalog } from '../queries';

/** What callers can book and with whom: services (length, price) and staff (days off). */
export function CatalogSection({ tenantId, openingHours }: { tenantId: string; openingHours: OpeningHours | null }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery(catalogQuery(api, tenantId));
  const current = query.data;
  return (
    <>
      <section className="card stack" aria-labelledby="catalog-heading">
        <div>
          <h2 id="catalog-heading">Services and staff</h2>
          <p className="muted">What callers can ask to book, and who works which days. The next call offers these.</p>
        </div>
        <QueryView query={query} loadingLabel="Loading services and staff…">
          {(stored) => (
            <StoredOrStarter stored={stored?.doc.catalog ?? null} starter={() => starterCatalog(openingHours)} noneYet="No services yet: add what callers can book and who works, then save. Bookings are taken during your opening hours.">
              {(catalog) => <CatalogEditor tenantId={tenantId} catalog={catalog} etag={stored?.etag ?? null} />}
            </StoredOrStarter>
          )}
        </QueryView>
      </section>
      {/* When appointments can be booked: once services are stored, saved with them over the version read. */}
      {current && (
        <ServiceHoursSection
          heading="Booking hours"
          description="When appointments can be booked: every appointment starts and ends inside these hours."
          noun="Booking hours"
          hours={current.doc.catalog.hours}
          openingHours={openingHours}
          apiPrefix="catalog.hours."
          save={async (hours) => queryClient.setQueryData(catalogKey(tenantId), await saveCatalog(api, tenantId, { catalog: { ...current.doc.catalog, hours } }, current.etag))}
        />
      )}
    </>
  );
}

function CatalogEditor({ tenantId, catalog, etag }: { tenantId: string; catalog: Catalog; etag: string | null }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { form, formError, showServerError } = useApiForm(CatalogForm, catalogFormFrom(catalog), catalogFieldOf, 'onSubmit');
  const services = useFieldArray({ control: form.control, name: 'services' });
  const staff = useFieldArray({ control: form.control, name: 'staff' });
  const mutation = useMutation({
    mutationFn: (v: CatalogFormValue) => saveCatalog(api, tenantId, catalogWithForm(catalog, v), etag),
    onSuccess: (saved) => queryClient.setQueryData(catalogKey(tenantId), saved),
    onError: showServerError,
  });
  const errors = form.formState.errors;
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
      <FormOutcome error={formError ?? errors.services?.root?.message ?? errors.services?.message ?? errors.staff?.root?.message ?? errors.staff?.message} saved={mutation.isSuccess} />
      <h3>Services</h3>
      {services.fields.map((row, i) => {
        const name = row.name || `New service ${i + 1}`;
        return (
          <fieldset key={row.id} className="fieldset">
            <legend>{name}</legend>
            <div className="row">
              <Field label="Service name" error={errors.services?.[i]?.name?.message}>
                {(p) => <input {...p} {...form.register(`services.${i}.name`)} maxLength={100} />}
              </Field>
              <Field label="Minutes" error={errors.services?.[i]?.duration?.message}>
                {(p) => <input {...p} {...form.register(`services.${i}.duration`)} inputMode="numeric" size={5} />}
              </Field>
              <Field label="Price ($)" error={errors.services?.[i]?.price?.message}>
                {(p) => <input {...p} {...form.register(`services.${i}.price`)} inputMode="decimal" size={8} />}
              </Field>
              <Button size="sm" variant="danger" onClick={() => services.remove(i)} aria-label={`Remove ${name}`}>
                Remove
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button size="sm" onClick={() => services.append({ ...NEW_SERVICE })}>
          Add a service
        </Button>
      </div>
      <h3>Staff</h3>
      {staff.fields.map((row, i) => {
        const name = row.name || `New person ${i + 1}`;
        return (
          <fieldset key={row.id} className="fieldset stack">
            <legend>{name}</legend>
            <div className="row">
              <Field label="Name" error={errors.staff?.[i]?.name?.message}>
                {(p) => <input {...p} {...form.register(`staff.${i}.name`)} maxLength={100} />}
              </Field>
              <Button size="sm" variant="danger" onClick={() => staff.remove(i)} aria-label={`Remove ${name}`}>
                Remove
              </Button>
            </div>
            <div className="row" role="group" aria-label={`Days off of ${name}`}>
              {WEEKDAYS.map((d) => (
                <Checkbox key={d} label={DAY_NAMES[d]} value={d} {...form.register(`staff.${i}.days_off`)} />
              ))}
            </div>
            {errors.staff?.[i]?.days_off && <p className="field-error">{errors.staff[i].days_off.message}</p>}
          </fieldset>
        );
      })}
      <div className="row">
        <Button size="sm" onClick={() => staff.append({ ...NEW_STAFF, days_off: [] })}>
          Add a person
        </Button>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          Save services and staff
        </Button>
      </div>
    </form>
  );
}
