'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Menu, OpeningHours } from '@vozlia/contract';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { FormOutcome } from '@/components/ui/form-outcome';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { useApiForm } from '@/lib/use-api-form';
import { starterMenu } from '../starter-documents';
import { ServiceHoursSection } from './service-hours-section';
import { StoredOrStarter } from './stored-or-starter';
import { MenuForm, menuFieldOf, menuFormFrom, menuWithForm, NEW_MENU_ITEM, type MenuFormInput, type MenuFormValue } from '../menu-form';
import { menuKey, menuQuery, saveMenu } from '../queries';

type Form = UseFormReturn<MenuFormInput, unknown, MenuFormValue>;

/** The menu callers order from: categories, items, prices, options, and what is sold out today. */
export function MenuSection({ tenantId, openingHours }: { tenantId: string; openingHours: OpeningHours | null }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery(menuQuery(api, tenantId));
  const current = query.data;
  return (
    <>
      <section className="card stack" aria-labelledby="menu-heading">
        <div>
          <h2 id="menu-heading">Menu</h2>
          <p className="muted">
            What callers can order. An item that is not available is not offered on the next call. Options are separated by commas, with +price when one costs more.
          </p>
        </div>
        <QueryView query={query} loadingLabel="Loading the menu…">
          {(stored) => (
            <StoredOrStarter stored={stored?.doc.menu ?? null} starter={() => starterMenu(openingHours)} noneYet="No menu yet: add your dishes and prices, then save. Orders are taken during your opening hours.">
              {(menu) => <MenuEditor tenantId={tenantId} menu={menu} etag={stored?.etag ?? null} />}
            </StoredOrStarter>
          )}
        </QueryView>
      </section>
      {/* When orders are taken: once a menu is stored, saved with it over the version read. */}
      {current && (
        <ServiceHoursSection
          heading="Kitchen hours"
          description="When callers can order for: every pickup or delivery time falls inside these hours."
          noun="Kitchen hours"
          hours={current.doc.menu.hours}
          openingHours={openingHours}
          apiPrefix="menu.hours."
          save={async (hours) => queryClient.setQueryData(menuKey(tenantId), await saveMenu(api, tenantId, { menu: { ...current.doc.menu, hours } }, current.etag))}
        />
      )}
    </>
  );
}

function MenuEditor({ tenantId, menu, etag }: { tenantId: string; menu: Menu; etag: string | null }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { form, formError, showServerError } = useApiForm(MenuForm, menuFormFrom(menu), menuFieldOf, 'onSubmit');
  const categories = useFieldArray({ control: form.control, name: 'categories' });
  const mutation = useMutation({
    mutationFn: (v: MenuFormValue) => saveMenu(api, tenantId, menuWithForm(menu, v), etag),
    onSuccess: (saved) => queryClient.setQueryData(menuKey(tenantId), saved),
    onError: showServerError,
  });
  const errors = form.formState.errors;
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
      <FormOutcome error={formError ?? errors.categories?.root?.message ?? errors.categories?.message} saved={mutation.isSuccess} />
      <OrderingFields form={form} />
      {categories.fields.map((row, i) => (
        <fieldset key={row.id} className="fieldset stack">
          <legend>{row.name || `New category ${i + 1}`}</legend>
          <div className="row">
            <Field label="Category name" error={errors.categories?.[i]?.name?.message}>
              {(p) => <input {...p} {...form.register(`categories.${i}.name`)} maxLength={100} />}
            </Field>
            <Button size="sm" variant="danger" onClick={() => categories.remove(i)} aria-label={`Remove category ${row.name || i + 1}`}>
              Remove category
            </Button>
          </div>
          <CategoryItems form={form} index={i} />
        </fieldset>
      ))}
      <div className="row">
        <Button size="sm" onClick={() => categories.append({ name: '', items: [{ ...NEW_MENU_ITEM }] })}>
          Add a category
        </Button>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          Save menu
        </Button>
      </div>
    </form>
  );
}

type OrderingTextField = Exclude<keyof MenuFormInput['ordering'], 'delivers'>;

/** The ordering fields typed as text, in the order the form shows them. */
const ORDERING_INPUTS: { name: OrderingTextField; label: string; hint?: string; inputMode: 'numeric' | 'decimal' }[] = [
  { name: 'prepMinutes', label: 'Ready in (minutes)', hint: 'the earliest pickup or delivery', inputMode: 'numeric' },
  { name: 'maxDaysAhead', label: 'Days ahead', hint: 'how far ahead callers may order', inputMode: 'numeric' },
  { name: 'deliveryFee', label: 'Delivery fee ($)', inputMode: 'decimal' },
  { name: 'deliveryMinimum', label: 'Delivery minimum ($)', hint: 'food total before tax', inputMode: 'decimal' },
  { name: 'taxRatePercent', label: 'Sales tax (%)', hint: 'added to every order', inputMode: 'decimal' },
];

/** How orders are taken: what the assistant tells callers about timing, delivery and the costs on top of the food. */
function OrderingFields({ form }: { form: Form }) {
  const e = form.formState.errors.ordering;
  return (
    <fieldset className="fieldset stack">
      <legend>Pickup and delivery</legend>
      <div className="field-grid">
        {ORDERING_INPUTS.map(({ name, label, hint, inputMode }) => (
          <Field key={name} label={label} hint={hint} error={e?.[name]?.message}>
            {(p) => <input {...p} {...form.register(`ordering.${name}`)} inputMode={inputMode} />}
          </Field>
        ))}
      </div>
      <Checkbox label="We deliver" {...form.register('ordering.delivers')} />
    </fieldset>
  );
}

function CategoryItems({ form, index }: { form: Form; index: number }) {
  const items = useFieldArray({ control: form.control, name: `categories.${index}.items` });
  const errors = form.formState.errors.categories?.[index]?.items;
  return (
    <div className="stack">
      {items.fields.map((row, j) => {
        const name = row.name || `New item ${j + 1}`;
        const e = errors?.[j];
        return (
          <fieldset key={row.id} className="fieldset stack">
            <legend>{name}</legend>
            <div className="item-grid">
              <Field label="Name" error={e?.name?.message}>
                {(p) => <input {...p} {...form.register(`categories.${index}.items.${j}.name`)} maxLength={100} />}
              </Field>
              <Field label="Price ($)" error={e?.price?.message}>
                {(p) => <input {...p} {...form.register(`categories.${index}.items.${j}.price`)} inputMode="decimal" />}
              </Field>
              <Field label="Description" error={e?.description?.message}>
                {(p) => <input {...p} {...form.register(`categories.${index}.items.${j}.description`)} maxLength={500} />}
              </Field>
              <Field label="Options" hint="e.g. add chicken +5, spicy" error={e?.options?.message}>
                {(p) => <input {...p} {...form.register(`categories.${index}.items.${j}.options`)} />}
              </Field>
            </div>
            <div className="row">
              <Checkbox label={`${name} available`} {...form.register(`categories.${index}.items.${j}.available`)} />
              <Button size="sm" variant="danger" onClick={() => items.remove(j)} aria-label={`Remove item ${name}`}>
                Remove item
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button size="sm" onClick={() => items.append({ ...NEW_MENU_ITEM })}>
          Add an item
        </Button>
      </div>
    </div>
  );
}
