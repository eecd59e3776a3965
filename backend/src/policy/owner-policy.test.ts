import { describe, expect, it } from 'vitest';
import type { FeatureSwitches } from './feature-resolution.js';
import { resolveModePolicy, type PolicyFeature, type TenantModePolicies } from './mode-policy.js';

const features: PolicyFeature[] = [
  { name: 'order_placing', modes: ['client'], ownerOnly: false, defaultEnabled: true, tools: ['place_order'] },
  { name: 'knowledge_base', modes: ['client', 'owner'], ownerOnly: false, defaultEnabled: true, tools: ['search_knowledge_base'] },
  { name: 'beta_feature', modes: ['client', 'owner'], ownerOnly: false, defaultEnabled: false, tools: ['beta_tool'] },
];
const none: FeatureSwitches = { switches: {}, tenantModes: {} };
const cfg = (modePolicy: TenantModePolicies = {}, sw: FeatureSwitches = none) => ({ modePolicy, features: sw });

const tenant = (owner: NonNullable<Parameters<typeof resolveModePolicy>[0]['owner']>) => ({ id: 'acme', displayName: 'Acme', vertical: 'restaurant', owner });

describe('the owner’s settings in the mode policy, below the operator', () => {
  it('lets the owner turn a feature off or narrow its modes, never turn on what the operator keeps off', () => {
    const t = tenant({ features: { order_placing: { enabled: false }, knowledge_base: { modes: ['owner'] }, beta_feature: { enabled: true } } });
    expect(resolveModePolicy(t, 'client', cfg(), features).allowedTools).toEqual([]);
    expect(resolveModePolicy(t, 'owner', cfg(), features).allowedTools).toEqual(['search_knowledge_base']);
  });

  it('uses the owner’s greeting and adds their instructions after the product’s, {business} filled in', () => {
    const d = resolveModePolicy(tenant({ prompts: { client: { greeting: 'Welcome to {business}!', instructions: 'We close early on rainy days.' } } }), 'client', cfg(), features);
    expect(d.greeting).toBe('Welcome to Acme!');
    expect(d.instructions).toMatch(/Acme[\s\S]*Instructions from the business:\nWe close early on rainy days\.$/);
    // The other mode is untouched.
    expect(resolveModePolicy(tenant({ prompts: { client: { greeting: 'Hi' } } }), 'owner', cfg(), features).greeting).not.toBe('Hi');
  });

  it('gives way to VOZ_TENANT_MODE_POLICY_JSON and the VOZ_FEATURE_* switches (operator override wins)', () => {
    const t = tenant({ prompts: { client: { greeting: 'Owner greeting', instructions: 'Owner rules' } }, features: { knowledge_base: { enabled: true } } });
    const operator: TenantModePolicies = { acme: { client: { greeting_style: 'Operator greeting', openai_instructions: 'Operator rules' } } };
    const d = resolveModePolicy(t, 'client', cfg(operator, { switches: { knowledge_base: { enabled: false } }, tenantModes: {} }), features);
    expect(d).toMatchObject({ greeting: 'Operator greeting', instructions: 'Operator rules' });
    expect(d.allowedFeatures).toEqual(['order_placing']);
  });
});
