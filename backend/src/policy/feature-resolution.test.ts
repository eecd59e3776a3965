import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { featureModeTable, resolveFeature, type FeatureGate, type FeatureSwitches } from './feature-resolution.js';

const both: FeatureGate = { name: 'orders', modes: ['client', 'owner'], ownerOnly: false, defaultEnabled: true };
const ownerOnly: FeatureGate = { name: 'metrics', modes: ['client', 'owner'], ownerOnly: true, defaultEnabled: true };
const offByDefault: FeatureGate = { name: 'beta_thing', modes: ['client', 'owner'], ownerOnly: false, defaultEnabled: false };
const clientOnly: FeatureGate = { name: 'faq', modes: ['client'], ownerOnly: false, defaultEnabled: true };

/** Switches as the real config parser builds them from env. */
const cfg = (env: Record<string, string> = {}): FeatureSwitches => loadConfig(env).features;
const allowed = { allowed: true };

describe('resolveFeature', () => {
  it('allows a default-on feature in every declared mode without configuration', () => {
    expect(resolveFeature(both, 't1', 'client', cfg())).toEqual(allowed);
    expect(resolveFeature(both, 't1', 'owner', cfg())).toEqual(allowed);
  });

  it('kill switch VOZ_FEATURE_<NAME>=0 closes every mode, even with a tenant exception', () => {
    const c = cfg({ VOZ_FEATURE_ORDERS: '0', VOZ_TENANT_FEATURE_MODES_JSON: '{"t1":{"orders":"client,owner"}}' });
    expect(resolveFeature(both, 't1', 'client', c)).toEqual({ allowed: false, reason: 'killed' });
    expect(resolveFeature(both, 't1', 'owner', c)).toEqual({ allowed: false, reason: 'killed' });
  });

  it('a default-off feature stays off until enabled', () => {
    expect(resolveFeature(offByDefault, 't1', 'owner', cfg())).toEqual({ allowed: false, reason: 'off_by_default' });
    expect(resolveFeature(offByDefault, 't1', 'owner', cfg({ VOZ_FEATURE_BETA_THING: '1' }))).toEqual(allowed);
    expect(resolveFeature(offByDefault, 't1', 'owner', cfg({ VOZ_FEATURE_BETA_THING: 'true' }))).toEqual(allowed);
  });

  it('VOZ_FEATURE_<NAME>_MODES narrows the modes', () => {
    const c = cfg({ VOZ_FEATURE_ORDERS_MODES: 'owner' });
    expect(resolveFeature(both, 't1', 'client', c)).toEqual({ allowed: false, reason: 'mode_narrowed' });
    expect(resolveFeature(both, 't1', 'owner', c)).toEqual(allowed);
  });

  it('narrowing never widens beyond the declared modes', () => {
    const c = cfg({ VOZ_FEATURE_FAQ_MODES: 'client,owner' });
    expect(resolveFeature(clientOnly, 't1', 'owner', c)).toEqual({ allowed: false, reason: 'mode_not_declared' });
  });

  it('a per-tenant exception re-opens a mode the global narrowing closed, for that tenant only', () => {
    const c = cfg({ VOZ_FEATURE_ORDERS_MODES: 'owner', VOZ_TENANT_FEATURE_MODES_JSON: '{"t1":{"ORDERS":"client,owner"}}' });
    expect(resolveFeature(both, 't1', 'client', c)).toEqual(allowed);
    expect(resolveFeature(both, 't2', 'client', c)).toEqual({ allowed: false, reason: 'mode_narrowed' });
  });

  it('a per-tenant exception narrows for that tenant only', () => {
    const c = cfg({ VOZ_TENANT_FEATURE_MODES_JSON: '{"t1":{"orders":"owner"}}' });
    expect(resolveFeature(both, 't1', 'client', c)).toEqual({ allowed: false, reason: 'mode_narrowed' });
    expect(resolveFeature(both, 't1', 'owner', c)).toEqual(allowed);
    expect(resolveFeature(both, 't2', 'client', c)).toEqual(allowed);
  });

  it('a per-tenant exception cannot re-open a mode the feature does not declare', () => {
    const c = cfg({ VOZ_TENANT_FEATURE_MODES_JSON: '{"t1":{"faq":"client,owner"}}' });
    expect(resolveFeature(clientOnly, 't1', 'owner', c)).toEqual({ allowed: false, reason: 'mode_not_declared' });
  });

  it.each([undefined, null, '', 'admin', 'OWNER', 'Owner ', 42, {}])(
    'a missing or unknown actor_mode (%j) is treated as client',
    (mode) => {
      expect(resolveFeature(ownerOnly, 't1', mode, cfg())).toEqual({ allowed: false, reason: 'owner_only' });
      expect(resolveFeature(clientOnly, 't1', mode, cfg())).toEqual(allowed);
    },
  );

  it('an owner-only feature is never allowed for a client, whatever the env says', () => {
    const c = cfg({
      VOZ_FEATURE_METRICS: '1',
      VOZ_FEATURE_METRICS_MODES: 'client,owner',
      VOZ_TENANT_FEATURE_MODES_JSON: '{"t1":{"metrics":"client"}}',
    });
    expect(resolveFeature(ownerOnly, 't1', 'client', c)).toEqual({ allowed: false, reason: 'owner_only' });
    expect(resolveFeature(ownerOnly, 't2', 'client', c)).toEqual({ allowed: false, reason: 'owner_only' });
    expect(resolveFeature(ownerOnly, 't2', 'owner', c)).toEqual(allowed);
  });

  it('featureModeTable gives the effective state per mode', () => {
    const c = cfg({ VOZ_FEATURE_ORDERS_MODES: 'owner' });
    expect(featureModeTable(both, 't1', c)).toEqual({
      client: { allowed: false, reason: 'mode_narrowed' },
      owner: allowed,
    });
  });
});
