import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCall } from './place-call.js';

describe("the simulator's status callback", () => {
  let server: Server;
  let baseUrl = '';
  const seen: { path: string; signature: string | undefined; params: Record<string, string> }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', signature: req.headers['x-twilio-signature'] as string | undefined, params: Object.fromEntries(new URLSearchParams(body)) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts `completed` with the call length to /twilio/status, signed as Twilio signs it', async () => {
    await completeCall({ baseUrl, to: '+15550100001', authToken: 'tok' }, { callSid: 'CA1' }, 12.4);
    const [post] = seen;
    expect(post).toMatchObject({ path: '/twilio/status', params: { CallSid: 'CA1', CallStatus: 'completed', CallDuration: '12', To: '+15550100001' } });
    expect(twilio.validateRequest('tok', post!.signature!, `${baseUrl}/twilio/status`, post!.params)).toBe(true);
  });
});
