import { describe, expect, it } from 'vitest';
import { adminAccess, isLoopback } from './admin-auth.js';

const TOKEN = 'an-admin-token-of-some-length';
const local = { authorization: undefined, remoteAddress: '127.0.0.1', proxied: false };

describe('adminAccess with VOZ_ADMIN_TOKEN set', () => {
  it('allows the right bearer token from anywhere', () => {
    expect(adminAccess(TOKEN, { ...local, remoteAddress: '203.0.113.9', authorization: `Bearer ${TOKEN}` })).toBe('allowed');
    expect(adminAccess(TOKEN, { ...local, proxied: true, authorization: `bearer ${TOKEN}` })).toBe('allowed');
  });

  it.each([undefined, '', 'Bearer', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, 'Bearer wrong'])(
    'refuses authorization %j, even from loopback',
    (authorization) => {
      expect(adminAccess(TOKEN, { ...local, authorization })).toBe('unauthorized');
    },
  );
});

describe('adminAccess without a token', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('allows loopback %s', (remoteAddress) => {
    expect(adminAccess(undefined, { ...local, remoteAddress })).toBe('allowed');
  });

  it.each(['10.0.0.1', '203.0.113.9', '::ffff:10.0.0.1', 'fe80::1', undefined])('forbids %s', (remoteAddress) => {
    expect(adminAccess(undefined, { ...local, remoteAddress })).toBe('forbidden');
  });

  it('forbids a loopback peer that forwards for someone else (a local proxy)', () => {
    expect(adminAccess(undefined, { ...local, proxied: true })).toBe('forbidden');
  });

  it('ignores a bearer header (there is nothing to check it against)', () => {
    expect(adminAccess(undefined, { ...local, remoteAddress: '10.0.0.1', authorization: 'Bearer x' })).toBe('forbidden');
  });
});

describe('isLoopback', () => {
  it('knows only loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('1.27.0.0')).toBe(false);
    expect(isLoopback('::2')).toBe(false);
  });
});
