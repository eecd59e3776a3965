import { describe, expect, it } from 'vitest';
import { checkCallParams, MAX_PARAM_CHARS, parseTwilioForm } from './twilio-params.js';

const SID = `CA${'0123456789abcdef'.repeat(2)}`;
const call = (over: Record<string, string> = {}) => ({ CallSid: SID, From: '+15557770000', To: '+15550100001', ...over });

describe('parseTwilioForm', () => {
  it('decodes a Twilio form, + as space and repeated names as lists', () => {
    const r = parseTwilioForm('CallSid=CA1&From=%2B15557770000&Body=50%25+off&Body=twice&Empty=&Bare');
    expect(r).toEqual({ ok: true, params: { CallSid: 'CA1', From: '+15557770000', Body: ['50% off', 'twice'], Empty: '', Bare: '' } });
  });

  it.each([
    ['a % not followed by two hex digits', 'CallSid=%ZZ&To=%'],
    ['a trailing lone %', 'To=%2'],
    ['bytes that are not UTF-8', 'From=%FF%FE'],
    ['a bad name', '%G1=x'],
  ])('refuses %s (a malformed body is never read as a call)', (_what, raw) => {
    expect(parseTwilioForm(raw)).toEqual({ ok: false, problem: 'malformed percent-encoding in the form body' });
  });

  it('refuses prototype-polluting names', () => {
    expect(parseTwilioForm('__proto__=x').ok).toBe(false);
    expect(parseTwilioForm('constructor=x').ok).toBe(false);
  });
});

describe('checkCallParams', () => {
  it('accepts a well-formed incoming call', () => {
    expect(checkCallParams(call(), { incomingCall: true })).toEqual({ ok: true });
  });

  it.each(['Anonymous', 'Restricted', '+266696687', 'client:alice', 'sip:bob@example.com', ''])('serves a withheld or odd From (%s)', (from) => {
    expect(checkCallParams(call({ From: from }), { incomingCall: true })).toEqual({ ok: true });
  });

  it.each([
    ['no CallSid', { CallSid: undefined }],
    ['a short CallSid', { CallSid: 'CA1' }],
    ['an upper-case hex CallSid', { CallSid: SID.toUpperCase() }],
    ['a message SID', { CallSid: `SM${SID.slice(2)}` }],
    ['CallSid with a newline', { CallSid: `${SID}\n` }],
  ])('refuses %s', (_what, over) => {
    const params: Record<string, string | undefined> = { ...call(), ...over };
    const verdict = checkCallParams(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)), { incomingCall: true });
    expect(verdict).toEqual({ ok: false, problem: 'CallSid must be CA followed by 32 hex digits' });
  });

  it.each([['no To', undefined], ['a word', 'reception'], ['digits without +', '15550100001'], ['a SIP address', 'sip:x@y'], ['too long', `+1${'5'.repeat(15)}`]])(
    'refuses an incoming call with %s as To',
    (_what, to) => {
      const params: Record<string, string> = call();
      if (to === undefined) delete params.To;
      else params.To = to;
      expect(checkCallParams(params, { incomingCall: true })).toEqual({ ok: false, problem: 'To must be a phone number in E.164 (like +15550100001)' });
    },
  );

  it('requires CallSid and To only on the incoming call; checks them wherever they appear', () => {
    expect(checkCallParams({ RecordingSid: 'RE1' }, { incomingCall: false })).toEqual({ ok: true });
    expect(checkCallParams({ CallSid: 'nope' }, { incomingCall: false }).ok).toBe(false);
    expect(checkCallParams({ CallSid: SID, To: 'x' }, { incomingCall: false }).ok).toBe(false);
  });

  it('refuses repeated call identifiers, oversized values and non-form values', () => {
    expect(checkCallParams({ ...call(), CallSid: [SID, SID] }, { incomingCall: true })).toEqual({ ok: false, problem: 'CallSid is repeated' });
    expect(checkCallParams({ ...call(), Digits: '1'.repeat(MAX_PARAM_CHARS + 1) }, { incomingCall: true }).ok).toBe(false);
    expect(checkCallParams({ ...call(), Digits: { nested: true } }, { incomingCall: true })).toEqual({ ok: false, problem: 'Digits is not a form value' });
  });
});
