import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('accepts an empty environment with safe defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('./data');
    expect(c.seedDemo).toBe(true);
    expect(c.openai.dialect).toBe('ga');
    expect(c.accessCodes).toEqual({ table: {}, ownerMap: {}, clientMap: {} });
    expect(c.features).toEqual({ switches: {}, tenantModes: {} });
    expect(c.shutdownDrainMs).toBe(10_000);
    expect(c.adminToken).toBeUndefined();
  });

  it('is deeply immutable', () => {
    const c = loadConfig({ VOZ_ACCESS_CODE_MAP_JSON: '{"12345678":"demo_restaurant"}' });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.accessCodes.ownerMap)).toBe(true);
    expect(() => {
      (c as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  it('rejects PORT=abc with one line naming the variable', () => {
    const err = configError({ PORT: 'abc' });
    expect(err.message).toMatch(/^PORT: /);
    expect(err.message).not.toContain('\n');
  });

  it('rejects an out-of-range port', () => {
    expect(configError({ PORT: '70000' }).message).toMatch(/^PORT: /);
  });

  it("rejects VOZ_ACCESS_CODE_TABLE_JSON='{' with one line naming the variable", () => {
    const err = configError({ VOZ_ACCESS_CODE_TABLE_JSON: '{' });
    expect(err.message).toBe('VOZ_ACCESS_CODE_TABLE_JSON: is not valid JSON');
  });

  it('names the nested place of a bad access code entry', () => {
    const err = configError({ VOZ_ACCESS_CODE_TABLE_JSON: '{"123":{"tenant_id":"demo_restaurant"}}' });
    expect(err.message).toMatch(/^VOZ_ACCESS_CODE_TABLE_JSON: /);
    expect(err.message).not.toContain('\n');
  });

  it('keeps a missing or unknown actor_mode raw for the resolver (no error)', () => {
    const c = loadConfig({
      VOZ_ACCESS_CODE_TABLE_JSON: '{"12345678":{"tenant_id":"demo_restaurant","actor_mode":"admin"},"87654321":{"tenant_id":"demo_barbershop"}}',
    });
    expect(c.accessCodes.table['12345678']).toEqual({ tenant_id: 'demo_restaurant', actor_mode: 'admin' });
    expect(c.accessCodes.table['87654321']).toEqual({ tenant_id: 'demo_barbershop' });
  });

  it('parses feature switches and mode narrowing, names lower-cased', () => {
    const c = loadConfig({
      VOZ_FEATURE_ORDERS: '0',
      VOZ_FEATURE_KB_SEARCH: '1',
      VOZ_FEATURE_KB_SEARCH_MODES: 'owner',
      VOZ_FEATURE_APPOINTMENTS_MODES: ' client , owner ',
      VOZ_TENANT_FEATURE_MODES_JSON: '{"demo_restaurant":{"ORDERS":"client,owner"}}',
    });
    expect(c.features.switches).toEqual({
      orders: { enabled: false },
      kb_search: { enabled: true, modes: ['owner'] },
      appointments: { modes: ['client', 'owner'] },
    });
    expect(c.features.tenantModes).toEqual({ demo_restaurant: { orders: ['client', 'owner'] } });
  });

  it('rejects a bad feature switch value', () => {
    expect(configError({ VOZ_FEATURE_ORDERS: 'yes' }).message).toMatch(/^VOZ_FEATURE_ORDERS: /);
  });

  it('rejects unknown mode strings in VOZ_FEATURE_<NAME>_MODES', () => {
    const err = configError({ VOZ_FEATURE_ORDERS_MODES: 'client,admin' });
    expect(err.message).toMatch(/^VOZ_FEATURE_ORDERS_MODES: /);
  });

  it('rejects unknown mode strings in VOZ_TENANT_FEATURE_MODES_JSON', () => {
    const err = configError({ VOZ_TENANT_FEATURE_MODES_JSON: '{"demo_restaurant":{"orders":"staff"}}' });
    expect(err.message).toMatch(/^VOZ_TENANT_FEATURE_MODES_JSON: /);
  });

  it('rejects unknown modes in VOZ_TENANT_MODE_POLICY_JSON', () => {
    const err = configError({ VOZ_TENANT_MODE_POLICY_JSON: '{"demo_restaurant":{"staff":{"voice":"alloy"}}}' });
    expect(err.message).toMatch(/^VOZ_TENANT_MODE_POLICY_JSON: /);
  });

  it('rejects a DATABASE_URL that is not postgres', () => {
    expect(configError({ DATABASE_URL: 'mysql://x@y/z' }).message).toMatch(/^DATABASE_URL: /);
  });

  it('reads VOZ_ADMIN_TOKEN and refuses a short one', () => {
    expect(loadConfig({ VOZ_ADMIN_TOKEN: 'a-long-enough-admin-token' }).adminToken).toBe('a-long-enough-admin-token');
    expect(configError({ VOZ_ADMIN_TOKEN: 'short' }).message).toMatch(/^VOZ_ADMIN_TOKEN: /);
  });

  it('reads the Twilio REST and email variables (contract §9) and names a bad one', () => {
    const c = loadConfig({});
    expect(c.twilio).toEqual({ accountSid: undefined, apiBaseUrl: 'https://api.twilio.com', smsFrom: undefined });
    expect(c.email).toEqual({ smtpUrl: undefined, from: 'Vozlia <no-reply@localhost>' });
    const set = loadConfig({
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_API_BASE_URL: 'http://127.0.0.1:4010/',
      TWILIO_SMS_FROM: '+15550100009',
      SMTP_URL: 'smtp://user:pass@127.0.0.1:2525',
      VOZ_EMAIL_FROM: 'Shop <shop@example.test>',
    });
    expect(set.twilio).toEqual({ accountSid: `AC${'a'.repeat(32)}`, apiBaseUrl: 'http://127.0.0.1:4010', smsFrom: '+15550100009' });
    expect(set.email).toEqual({ smtpUrl: 'smtp://user:pass@127.0.0.1:2525', from: 'Shop <shop@example.test>' });
    expect(configError({ TWILIO_ACCOUNT_SID: 'nope' }).message).toMatch(/^TWILIO_ACCOUNT_SID: /);
    expect(configError({ SMTP_URL: 'http://mail.example' }).message).toMatch(/^SMTP_URL: /);
    expect(configError({ TWILIO_SMS_FROM: '555-0100' }).message).toMatch(/^TWILIO_SMS_FROM: /);
  });

  it('reads the Stripe variables (contract §8): off by default, the API base trimmed, a bad one named', () => {
    expect(loadConfig({}).stripe).toEqual({ secretKey: undefined, apiBase: 'https://api.stripe.com', webhookSecret: undefined });
    const set = loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_API_BASE: 'http://127.0.0.1:12111/', STRIPE_WEBHOOK_SECRET: 'whsec_abcdefgh' });
    expect(set.stripe).toEqual({ secretKey: 'sk_test_abc123', apiBase: 'http://127.0.0.1:12111', webhookSecret: 'whsec_abcdefgh' });
    expect(configError({ STRIPE_SECRET_KEY: 'pk_test_abc' }).message).toMatch(/^STRIPE_SECRET_KEY: /);
    expect(configError({ STRIPE_API_BASE: 'ftp://stripe.example' }).message).toMatch(/^STRIPE_API_BASE: /);
    expect(configError({ STRIPE_WEBHOOK_SECRET: 'x' }).message).toMatch(/^STRIPE_WEBHOOK_SECRET: /);
  });
});
