import { TenantSettingsInput, type TenantFeature, type TenantSettings } from '@vozlia/contract';
import { describe, expect, it } from 'vitest';
import { featureSwitchesFormFrom, settingsWithFeatures } from './feature-switches-form';

const open = { allowed: true, reason: null };
const feature = (name: string, modes: ('client' | 'owner')[], over: Partial<TenantFeature> = {}): TenantFeature => ({
  name,
  description: '',
  modes,
  operator: { client: modes.includes('client') ? open : { allowed: false, reason: 'mode_not_declared' }, owner: modes.includes('owner') ? open : { allowed: false, reason: 'mode_not_declared' } },
  tenant: {},
  effective: { client: modes.includes('client'), owner: modes.includes('owner') },
  ...over,
});

const settings = (features: TenantSettings['features']): TenantSettings => ({
  display_name: 'Demo Restaurant',
  time_zone: 'America/New_York',
  opening_hours: null,
  prompts: { client: {}, owner: {} },
  features,
  transfer_numbers: [],
  blocked_numbers: [],
  max_concurrent_calls: null,
  links: { notifications: '/n', contacts: '/c', access_codes: '/a' },
  updated_at: null,
});

describe('the feature switches form', () => {
  const orders = feature('order_placing', ['client']);
  const kb = feature('knowledge_base', ['client', 'owner'], { tenant: { modes: ['owner'] } });

  it("reads the owner's switches: on, and for which callers", () => {
    expect(featureSwitchesFormFrom([orders, kb]).items).toEqual([
      { name: 'order_placing', enabled: true, client: true, owner: false },
      { name: 'knowledge_base', enabled: true, client: false, owner: true },
    ]);
  });

  it('writes off as enabled:false, a narrowing as modes, every mode as no entry; other features kept', () => {
    const current = settings({ knowledge_base: { modes: ['owner'] }, appointment_requests: { enabled: false } });
    const body = settingsWithFeatures(current, [orders, kb], {
      items: [
        { name: 'order_placing', enabled: false, client: true, owner: false },
        { name: 'knowledge_base', enabled: true, client: true, owner: true },
      ],
    });
    expect(TenantSettingsInput.parse(body).features).toEqual({ order_placing: { enabled: false }, appointment_requests: { enabled: false } });
    const narrowed = settingsWithFeatures(current, [kb], { items: [{ name: 'knowledge_base', enabled: true, client: true, owner: false }] });
    expect(narrowed.features).toMatchObject({ knowledge_base: { modes: ['client'] } });
    const none = settingsWithFeatures(current, [kb], { items: [{ name: 'knowledge_base', enabled: true, client: false, owner: false }] });
    expect(none.features).toMatchObject({ knowledge_base: { enabled: false } });
    expect(body).not.toHaveProperty('links');
  });

  it("keeps the stored choice for a mode the operator closes (its box is disabled)", () => {
    const closed = feature('knowledge_base', ['client', 'owner'], { operator: { client: { allowed: false, reason: 'killed' }, owner: open }, tenant: { modes: ['owner'] } });
    const body = settingsWithFeatures(settings({ knowledge_base: { modes: ['owner'] } }), [closed], { items: [{ name: 'knowledge_base', enabled: true, client: true, owner: true }] });
    expect(body.features).toEqual({ knowledge_base: { modes: ['owner'] } });
  });
});
