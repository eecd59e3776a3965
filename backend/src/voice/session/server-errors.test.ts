import { describe, expect, it } from 'vitest';
import { DialectState, dialectFor } from '../dialects/dialect-state.js';
import { ServerErrors } from './server-errors.js';

const modalityError = { code: 'invalid_value', param: 'session.output_modalities', message: "Invalid modalities: ['audio']. Supported combinations are: ['text'] and ['audio', 'text']." };

describe('ServerErrors', () => {
  it('retries a refused modality set once and remembers it for the process', () => {
    const state = new DialectState(dialectFor('ga'));
    const errors = new ServerErrors(state);
    expect(errors.judge(modalityError)).toEqual({ action: 'retry_modalities', refused: ['audio'], using: ['audio', 'text'], learnt: true });
    expect(state.modalities).toEqual(['audio', 'text']);
    // A second refusal on the same call is not retried again: logged once like any error.
    expect(errors.judge(modalityError)).toEqual({ action: 'log', code: 'invalid_value' });
  });

  it('logs each other code once per call, then only counts', () => {
    const errors = new ServerErrors(new DialectState(dialectFor('beta')));
    expect(errors.judge({ code: 'rate_limited', param: null, message: 'slow down' })).toEqual({ action: 'log', code: 'rate_limited' });
    expect(errors.judge({ code: 'rate_limited', param: null, message: 'slow down' })).toEqual({ action: 'count', code: 'rate_limited' });
    expect(errors.judge({ code: null, param: null, message: '?' })).toEqual({ action: 'log', code: 'unknown' });
  });
});
