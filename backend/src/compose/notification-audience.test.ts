import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { feature as orderNotification } from '../features/order_notification/index.js';
import { feature as ownerNotification } from '../features/owner_notification/index.js';
import { FeatureRegistry } from '../features/registry.js';
import { notificationAudience } from './notification-audience.js';

const both = new FeatureRegistry([orderNotification, ownerNotification]);
const audience = (env: Record<string, string>, registry = both) => notificationAudience(registry, loadConfig(env).features);

describe('notificationAudience: the notification features as switches', () => {
  it('tells both sides by default', () => {
    expect(audience({})('demo_restaurant')).toEqual({ owner: true, customer: true });
  });

  it('kill switches stop one side everywhere', () => {
    expect(audience({ VOZ_FEATURE_ORDER_NOTIFICATION: '0' })('demo_restaurant')).toEqual({ owner: true, customer: false });
    expect(audience({ VOZ_FEATURE_OWNER_NOTIFICATION: '0' })('demo_barbershop')).toEqual({ owner: false, customer: true });
  });

  it('a per-tenant exception narrows one tenant only', () => {
    const a = audience({ VOZ_TENANT_FEATURE_MODES_JSON: JSON.stringify({ demo_restaurant: { ORDER_NOTIFICATION: 'owner' } }) });
    expect(a('demo_restaurant')).toEqual({ owner: true, customer: false });
    expect(a('demo_barbershop')).toEqual({ owner: true, customer: true });
  });

  it('a side whose feature is not loaded tells nobody', () => {
    expect(audience({}, new FeatureRegistry([ownerNotification]))('demo_restaurant')).toEqual({ owner: true, customer: false });
  });
});
