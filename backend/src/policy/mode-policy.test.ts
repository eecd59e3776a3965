import { describe, expect, it } from 'vitest';
import type { FeatureSwitches } from './feature-resolution.js';
import { resolveModePolicy, unknownPolicyFeatures, type PolicyFeature, type TenantModePolicies } from './mode-policy.js';

const restaurant = { id: 'demo_restaurant', displayName: 'Luigi’s', vertical: 'restaurant' };
const barbershop = { id: 'demo_barbershop', displayName: 'Sharp Cuts', vertical: 'barbershop' };
const noSwitches: FeatureSwitches = { switches: {}, tenantModes: {} };

// Fixtures: the real features may not exist yet; these carry the same gates as contract §4.
const features: PolicyFeature[] = [
  { name: 'business_analytics', modes: ['owner'], ownerOnly: true, defaultEnabled: true, tools: ['query_business_metrics'] },
  { name: 'order_placing', modes: ['client'], ownerOnly: false, defaultEnabled: true, verticals: ['restaurant'], tools: ['place_order'] },
  { name: 'appointment_requests', modes: ['client'], ownerOnly: false, defaultEnabled: true, verticals: ['barbershop'], tools: ['request_appointment'] },
  { name: 'knowledge_base', modes: ['client', 'owner'], ownerOnly: false, defaultEnabled: true, tools: ['search_knowledge_base'] },
];

const cfg = (modePolicy: TenantModePolicies = {}, sw: FeatureSwitches = noSwitches) => ({ modePolicy, features: sw });

describe('resolveModePolicy', () => {
  it('chooses per-tenant per-mode instructions and greeting', () => {
    const policy: TenantModePolicies = {
      demo_restaurant: {
        client: { openai_instructions: 'CLIENT RULES for {business}', greeting_style: 'Ciao from {business}!' },
        owner: { openai_instructions: 'OWNER RULES', greeting_style: 'Hi boss.', voice: 'verse' },
      },
    };
    const client = resolveModePolicy(restaurant, 'client', cfg(policy), features);
    expect(client.instructions).toBe('CLIENT RULES for Luigi’s');
    expect(client.greeting).toBe('Ciao from Luigi’s!');
    expect(client.voice).toBeUndefined();
    const owner = resolveModePolicy(restaurant, 'owner', cfg(policy), features);
    expect(owner).toMatchObject({ instructions: 'OWNER RULES', greeting: 'Hi boss.', voice: 'verse', actorMode: 'owner' });
    // Another tenant falls back to its vertical's defaults.
    const other = resolveModePolicy(barbershop, 'client', cfg(policy), features);
    expect(other.instructions).toContain('Sharp Cuts');
    expect(other.instructions).toContain('appointment');
    expect(other.greeting).toContain('Sharp Cuts');
  });

  it('offers tools by mode and vertical by default', () => {
    expect(resolveModePolicy(restaurant, 'client', cfg(), features).allowedTools).toEqual(['place_order', 'search_knowledge_base']);
    expect(resolveModePolicy(barbershop, 'client', cfg(), features).allowedTools).toEqual(['request_appointment', 'search_knowledge_base']);
    expect(resolveModePolicy(restaurant, 'owner', cfg(), features).allowedTools).toEqual(['query_business_metrics', 'search_knowledge_base']);
  });

  it('applies allow and block lists (case-insensitively)', () => {
    const policy: TenantModePolicies = {
      demo_restaurant: { client: { feature_allowlist: ['KNOWLEDGE_BASE'] }, owner: { feature_blocklist: ['knowledge_base'] } },
    };
    expect(resolveModePolicy(restaurant, 'client', cfg(policy), features).allowedFeatures).toEqual(['knowledge_base']);
    expect(resolveModePolicy(restaurant, 'owner', cfg(policy), features).allowedFeatures).toEqual(['business_analytics']);
  });

  it('treats an unknown or missing mode as client', () => {
    for (const mode of [undefined, null, 'admin', 'OWNER', 42]) {
      const d = resolveModePolicy(restaurant, mode, cfg(), features);
      expect(d.actorMode).toBe('client');
      expect(d.allowedTools).not.toContain('query_business_metrics');
    }
  });

  it('never gives a client query_business_metrics, whatever the policy and switches say', () => {
    const policy: TenantModePolicies = { demo_restaurant: { client: { feature_allowlist: ['business_analytics', 'knowledge_base'] } } };
    const sw: FeatureSwitches = { switches: { business_analytics: { enabled: true, modes: ['client', 'owner'] } }, tenantModes: { demo_restaurant: { business_analytics: ['client', 'owner'] } } };
    // Even a manifest that (wrongly) declares the client mode stays owner-only.
    const loose = features.map((f) => (f.name === 'business_analytics' ? { ...f, modes: ['client', 'owner'] as const } : f));
    const d = resolveModePolicy(restaurant, 'client', cfg(policy, sw), loose);
    expect(d.allowedTools).toEqual(['search_knowledge_base']);
    expect(d.allowedFeatures).not.toContain('business_analytics');
  });

  it('honours the kill switch and per-tenant mode narrowing', () => {
    const sw: FeatureSwitches = { switches: { knowledge_base: { enabled: false } }, tenantModes: {} };
    expect(resolveModePolicy(restaurant, 'client', cfg({}, sw), features).allowedTools).toEqual(['place_order']);
    const narrowed: FeatureSwitches = { switches: {}, tenantModes: { demo_restaurant: { knowledge_base: ['owner'] } } };
    expect(resolveModePolicy(restaurant, 'client', cfg({}, narrowed), features).allowedTools).toEqual(['place_order']);
  });

  it('takes prompt fragments from a feature manifest when present', () => {
    const greeter: PolicyFeature = {
      name: 'customer_greeting',
      modes: ['client'],
      ownerOnly: false,
      defaultEnabled: true,
      tools: [],
      prompt: { client: { instructions: 'PROTOCOL: confirm names.', greeting: 'Welcome to {business}, this is an AI assistant.' } },
    };
    const d = resolveModePolicy(restaurant, 'client', cfg(), [...features, greeter]);
    expect(d.greeting).toBe('Welcome to Luigi’s, this is an AI assistant.');
    expect(d.instructions).toContain('PROTOCOL: confirm names.');
    expect(resolveModePolicy(restaurant, 'owner', cfg(), [...features, greeter]).instructions).not.toContain('PROTOCOL');
  });

  it('uses conservative generic defaults for an unknown vertical', () => {
    const d = resolveModePolicy({ id: 'x_shop', displayName: 'X', vertical: 'florist' }, 'client', cfg(), features);
    expect(d.allowedTools).toEqual(['search_knowledge_base']);
    expect(d.instructions).toContain('receptionist of X');
    expect(d.skillAllow).toBeNull();
  });

  it('passes skill lists through', () => {
    const d = resolveModePolicy(restaurant, 'owner', cfg({ demo_restaurant: { owner: { skill_allowlist: ['a'], skill_blocklist: ['b'] } } }), features);
    expect(d).toMatchObject({ skillAllow: ['a'], skillBlock: ['b'] });
  });
});

describe('unknownPolicyFeatures', () => {
  it('names entries that list features that do not exist', () => {
    const problems = unknownPolicyFeatures({ t1: { owner: { feature_allowlist: ['business_analytics', 'bussiness_analytics'] } } }, ['business_analytics']);
    expect(problems).toEqual(['VOZ_TENANT_MODE_POLICY_JSON: t1.owner.feature_allowlist names unknown feature "bussiness_analytics"']);
  });
});
