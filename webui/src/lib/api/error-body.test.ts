import { describe, expect, it } from 'vitest';
import { readErrorBody } from './error-body';

describe('readErrorBody', () => {
  it('ties Zod-style issues to their top-level field', () => {
    const body = { error: 'invalid', message: 'id: taken', issues: [{ field: 'phone_numbers.0', message: 'Use E.164' }, { path: ['name'], message: 'Required' }] };
    expect(readErrorBody(body, 'x')).toEqual({ code: 'invalid', message: 'id: taken', fieldErrors: { phone_numbers: 'Use E.164', name: 'Required', id: 'taken' }, fieldPaths: { 'phone_numbers.0': 'Use E.164', name: 'Required', id: 'taken' } });
  });

  it('reads "field: message" lines from an errors array (saved skills answer this way)', () => {
    const body = { error: 'invalid', message: 'a; b', errors: ['name: give a name of 1 to 80 characters', 'schedule may run at most once an hour'] };
    expect(readErrorBody(body, 'x').fieldErrors).toEqual({ name: 'give a name of 1 to 80 characters' });
  });

  it('falls back to the given message for a body that is not JSON', () => {
    expect(readErrorBody(null, 'Something went wrong')).toEqual({ code: null, message: 'Something went wrong', fieldErrors: {}, fieldPaths: {} });
  });

  it('keeps the first message when a field is named twice', () => {
    expect(readErrorBody({ message: 'm', issues: [{ field: 'x', message: 'first' }, { field: 'x', message: 'second' }] }, '').fieldErrors).toEqual({ x: 'first' });
  });
});
