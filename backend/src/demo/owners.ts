import type { Accounts } from '@vozlia/control-plane';

/** Contract §7: one owner per demo tenant, listed in the README so the portal works out of the box. */
export const DEMO_OWNERS = [
  { tenantId: 'demo_restaurant', email: 'owner@demo-restaurant.test', password: 'demo-restaurant-pass' },
  { tenantId: 'demo_barbershop', email: 'owner@demo-barbershop.test', password: 'demo-barbershop-pass' },
] as const;

/**
 * Adds each demo owner whose email is free. Accounts are rows, not events, so idempotence is
 * the lookup; two instances seeding at once both may try, and the loser's unique email refuses it.
 */
export async function seedDemoOwners(accounts: Pick<Accounts, 'users' | 'service'>): Promise<number> {
  let added = 0;
  for (const o of DEMO_OWNERS) {
    if (await accounts.users.byEmail(o.email)) continue;
    try {
      await accounts.service.addUser({ tenantId: o.tenantId, email: o.email, role: 'owner', password: o.password });
      added++;
    } catch (err) {
      if (!(await accounts.users.byEmail(o.email))) throw err;
    }
  }
  return added;
}
