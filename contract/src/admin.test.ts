import { describe, expect, it } from 'vitest';
import { CreateOwnerRequest, CreateTenantRequest, IssueAccessCodeRequest } from './admin.js';
import { ChangePasswordRequest } from './auth.js';

describe('admin request schemas', () => {
  it('accepts a tenant with E.164 numbers and an IANA zone, defaulting to no numbers', () => {
    expect(CreateTenantRequest.parse({ id: 'pizza_palace', name: ' Pizza ', vertical: 'restaurant', time_zone: 'America/Chicago' })).toEqual({
      id: 'pizza_palace',
      name: 'Pizza',
      vertical: 'restaurant',
      time_zone: 'America/Chicago',
      phone_numbers: [],
    });
  });

  it.each([
    [{ id: 'Pizza Palace' }, 'id'],
    [{ vertical: 'bakery' }, 'vertical'],
    [{ time_zone: 'Mars/Olympus' }, 'time_zone'],
    [{ phone_numbers: ['555-0100'] }, 'phone_numbers'],
  ])('names the bad field of %j', (patch, field) => {
    const r = CreateTenantRequest.safeParse({ id: 'pizza_palace', name: 'P', vertical: 'generic', time_zone: 'UTC', ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });

  it('defaults an account to owner, normalises its email and bounds its password to 8–256 characters', () => {
    expect(CreateOwnerRequest.parse({ email: 'Boss@X.Test', password: '12345678' })).toEqual({ email: 'boss@x.test', password: '12345678', role: 'owner' });
    expect(CreateOwnerRequest.safeParse({ email: 'a@x.test', password: '1234567' }).success).toBe(false);
    expect(CreateOwnerRequest.safeParse({ email: 'a@x.test', password: 'p'.repeat(257) }).success).toBe(false);
    expect(ChangePasswordRequest.safeParse({ current_password: 'x', new_password: 'short' }).success).toBe(false);
  });

  it('issues codes for owner or client only', () => {
    expect(IssueAccessCodeRequest.safeParse({ actor_mode: 'admin' }).success).toBe(false);
  });
});
