import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { resolveModePolicy, type PolicyFeature } from './mode-policy.js';
import { tenantFeatureViews } from './tenant-features.js';

const orders: PolicyFeature = { name: 'order_placing', modes: ['client'], ownerOnly: false, defaultEnabled: true, verticals: ['restaurant'], tools: ['place_order'] };
const kb: PolicyFeature = { name: 'knowledge_base', modes: ['client', 'owner'], ownerOnly: false, defaultEnabled: true, tools: ['search_knowledge_base'] };
const metrics: PolicyFeature = { name: 'business_analytics', modes: ['owner'], ownerOnly: true, defaultEnabled: true, tools: ['query_business_metrics'] };
const booking: PolicyFeature = { name: 'appointment_requests', modes: ['client'], ownerOnly: false, defaultEnabled: true, verticals: ['barbershop'], tools: ['request_appointment'] };
const all = [orders, kb, metrics, booking];

const config = (env: Record<string, string> = {}) => loadConfig(env);
const restaurant = (features: Record<string, { enabled?: boolean; modes?: ('client' | 'owner')[] }> = {}) => ({ id: 'r1', vertical: 'restaurant', features });

describe('tenantFeatureViews', () => {
  it("lists only the features serving the tenant's vertical, open where the manifest and operator allow", () => {
    const views = tenantFeatureViews(restaurant(), config(), all);
    expect(views.map((v) => v.name)).toEqual(['order_placing', 'knowledge_base', 'business_analytics']);
    expect(views[0]).toEqual({
      name: 'order_placing',
      modes: ['client'],
      operator: { client: { allowed: true, reason: null }, owner: { allowed: false, reason: 'mode_not_declared' } },
      tenant: {},
      effective: { client: true, owner: false },
    });
    expect(views[2]!.operator.client).toEqual({ allowed: false, reason: 'owner_only' });
  });

  it("shows the operator's kill switch, narrowing and block list with the reason, whatever the owner set", () => {
    const c = config({
      VOZ_FEATURE_ORDER_PLACING: '0',
      VOZ_FEATURE_KNOWLEDGE_BASE_MODES: 'owner',
      VOZ_TENANT_MODE_POLICY_JSON: JSON.stringify({ r1: { owner: { feature_blocklist: ['KNOWLEDGE_BASE'] } } }),
    });
    const [o, k] = tenantFeatureViews(restaurant({ order_placing: { enabled: true } }), c, all);
    expect(o!.operator.client).toEqual({ allowed: false, reason: 'killed' });
    expect(o!.effective.client).toBe(false);
    expect(k!.operator).toEqual({ client: { allowed: false, reason: 'mode_narrowed' }, owner: { allowed: false, reason: 'blocklisted' } });
  });

  it("applies the owner's switch below the operator: off, or narrowed to some callers", () => {
    const views = tenantFeatureViews(restaurant({ ORDER_PLACING: { enabled: false }, knowledge_base: { modes: ['owner'] } }), config(), all);
    expect(views[0]).toMatchObject({ tenant: { enabled: false }, effective: { client: false, owner: false } });
    expect(views[1]).toMatchObject({ tenant: { modes: ['owner'] }, effective: { client: false, owner: true } });
  });

  it('agrees with the mode policy a call is admitted with', () => {
    const c = config({ VOZ_TENANT_MODE_POLICY_JSON: JSON.stringify({ r1: { client: { feature_allowlist: ['order_placing'] } } }) });
    const owned = { knowledge_base: { modes: ['client' as const] } };
    const views = tenantFeatureViews(restaurant(owned), c, all);
    for (const mode of ['client', 'owner'] as const) {
      const decision = resolveModePolicy({ id: 'r1', displayName: 'R', vertical: 'restaurant', owner: { features: owned } }, mode, c, all);
      expect(views.filter((v) => v.effective[mode]).map((v) => v.name)).toEqual(decision.allowedFeatures);
    }
  });
});
