'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TenantFeature, TenantSettings } from '@vozlia/contract';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormOutcome } from '@/components/ui/form-outcome';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { useApiForm } from '@/lib/use-api-form';
import { FEATURE_BLURBS, FEATURE_TITLES, FeatureSwitchesForm, featureSwitchesFormFrom, MODE_LABELS, OPERATOR_REASONS, settingsWithFeatures, type FeatureSwitchesFormInput } from '../feature-switches-form';
import { saveTenantSettings, tenantFeaturesKey, tenantFeaturesQuery, tenantSettingsKey } from '../queries';

const titleOf = (name: string) => FEATURE_TITLES[name] ?? name.replaceAll('_', ' ');

/** What the assistant may do, and for whom: the owner can turn things off or narrow them, within the operator's limits. */
export function FeatureSwitchesSection({ tenantId, settings, etag }: { tenantId: string; settings: TenantSettings; etag: string | null }) {
  const api = useApi();
  const query = useQuery(tenantFeaturesQuery(api, tenantId));
  return (
    <section className="card stack" aria-labelledby="features-heading">
      <div>
        <h2 id="features-heading">Feature switches</h2>
        <p className="muted">What the assistant does, and for which callers. Changes reach the next call. Greyed-out choices are set by your provider.</p>
      </div>
      <QueryView query={query} loadingLabel="Loading features…">
        {(list) => <FeatureSwitches tenantId={tenantId} settings={settings} etag={etag} features={list.items} />}
      </QueryView>
    </section>
  );
}

function FeatureSwitches({ tenantId, settings, etag, features }: { tenantId: string; settings: TenantSettings; etag: string | null; features: TenantFeature[] }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { form, formError, showServerError } = useApiForm(FeatureSwitchesForm, featureSwitchesFormFrom(features));
  const mutation = useMutation({
    mutationFn: (v: FeatureSwitchesFormInput) => saveTenantSettings(api, tenantId, settingsWithFeatures(settings, features, v), etag),
    onSuccess: async (saved) => {
      // Every settings form writes the whole document: they must see this one.
      queryClient.setQueryData(tenantSettingsKey(tenantId), saved);
      await queryClient.invalidateQueries({ queryKey: tenantFeaturesKey(tenantId) });
    },
    onError: showServerError,
  });
  const rows = form.watch('items');
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
      <FormOutcome error={formError} saved={mutation.isSuccess} />
      <div className="grid-cards">
        {features.map((f, i) => {
          const title = titleOf(f.name);
          const on = rows[i]?.enabled ?? true;
          const live = f.modes.filter((m) => f.effective[m]);
          return (
            <fieldset key={f.name} className="fieldset stack">
              <legend>{title}</legend>
              <p className="field-hint">{FEATURE_BLURBS[f.name] ?? f.description}</p>
              <Checkbox label={`${title} on`} {...form.register(`items.${i}.enabled`)} />
              <div className="stack" role="group" aria-label={`Who gets ${title}`}>
                {f.modes.map((m) => {
                  const gate = f.operator[m];
                  return (
                    <div key={m}>
                      <Checkbox label={MODE_LABELS[m]} {...form.register(`items.${i}.${m}`)} disabled={!on || !gate.allowed} />
                      {!gate.allowed && (
                        <p className="field-hint">
                          {MODE_LABELS[m]}: {OPERATOR_REASONS[gate.reason ?? ''] ?? 'set by your provider'}
                        </p>
                      )}
                    </div>
                  );
                })}
              </div>
              <p className={live.length ? 'small feature-state feature-on' : 'small feature-state'}>{live.length ? `Now on for ${live.map((m) => MODE_LABELS[m].toLowerCase()).join(' and ')}` : 'Now off'}</p>
            </fieldset>
          );
        })}
      </div>
      <div>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          Save feature switches
        </Button>
      </div>
    </form>
  );
}
