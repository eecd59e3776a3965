import { describe, expect, it } from 'vitest';
import { LoginRequest } from './auth.js';

describe('LoginRequest', () => {
  it('normalises the email and refuses a malformed one', () => {
    expect(LoginRequest.parse({ email: ' Owner@Demo-Restaurant.TEST ', password: 'x' }).email).toBe('owner@demo-restaurant.test');
    expect(LoginRequest.safeParse({ email: 'nope', password: 'x' }).success).toBe(false);
  });
});
