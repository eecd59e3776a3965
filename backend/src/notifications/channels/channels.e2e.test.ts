import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpFake } from '../../testing/smtp-fake.js';
import { WebhookReceiver } from '../../testing/webhook-receiver.js';
import { classifyHttpStatus, type OutboundMessage } from './channel.js';
import { isPublicAddress } from './public-address.js';
import { SmtpEmailChannel } from './smtp-email.js';
import { WebhookChannel } from './webhook.js';

const NOW = new Date('2026-12-01T23:00:00Z');
const SECRET = 'whsec_' + Buffer.alloc(32, 1).toString('base64');
const signal = new AbortController().signal;

const hook = (to: string): OutboundMessage => ({
  id: 'msg_000000000000000000000001',
  tenantId: 'demo_restaurant',
  channel: 'webhook',
  to,
  from: null,
  body: { kind: 'webhook', type: 'call.missed', occurredAt: NOW.toISOString(), data: { call_sid: 'CA1' } },
  attempt: 1,
  secrets: [SECRET],
});

describe('webhook channel', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start({ secrets: [SECRET], clock: () => NOW });
  });
  afterAll(async () => receiver?.close());

  it('posts the contract envelope, signed, with the webhook id header', async () => {
    const channel = new WebhookChannel({ allowPrivateNetworks: true, clock: () => NOW });
    expect(await channel.send(hook(receiver.url), signal)).toEqual({ ok: true, providerRef: 'http_200', segments: 0 });
    const [d] = receiver.deliveries;
    expect(d).toMatchObject({ verified: true, id: 'msg_000000000000000000000001' });
    expect(d!.raw).toBe('{"id":"msg_000000000000000000000001","type":"call.missed","tenant_id":"demo_restaurant","occurred_at":"2026-12-01T23:00:00.000Z","data":{"call_sid":"CA1"}}');
  });

  it('maps the receiver’s answers: 5xx and 429 retry, 410 is gone, other 4xx never work', async () => {
    const channel = new WebhookChannel({ allowPrivateNetworks: true, clock: () => NOW });
    receiver.answerNext(1, 503);
    expect(await channel.send(hook(receiver.url), signal)).toMatchObject({ ok: false, retryable: true, code: 'http_503' });
    receiver.answerNext(1, 410);
    expect(await channel.send(hook(receiver.url), signal)).toMatchObject({ ok: false, retryable: false, code: 'endpoint_gone' });
    receiver.answerNext(1, 422);
    expect(await channel.send(hook(receiver.url), signal)).toMatchObject({ ok: false, retryable: false, code: 'http_422' });
    receiver.useSecrets(['whsec_someone_else']);
    expect(await channel.send(hook(receiver.url), signal)).toMatchObject({ ok: false, retryable: false, code: 'http_401' });
    receiver.useSecrets([SECRET]);
  });

  it('outside development, refuses plain http and private addresses before connecting', async () => {
    const prod = new WebhookChannel({ allowPrivateNetworks: false, clock: () => NOW });
    const before = receiver.deliveries.length;
    expect(await prod.send(hook(receiver.url), signal)).toMatchObject({ ok: false, retryable: false, code: 'https_required' });
    expect(await prod.send(hook(receiver.url.replace('http:', 'https:')), signal)).toMatchObject({ ok: false, code: 'non_public_address' });
    expect(await prod.send(hook('https://localhost/hook'), signal)).toMatchObject({ ok: false, code: 'non_public_address' });
    expect(receiver.deliveries.length).toBe(before);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const slow = new WebhookChannel({ allowPrivateNetworks: true, clock: () => NOW, timeoutMs: 50 });
    // A port that accepts and never answers: a server that holds the request.
    const { createServer } = await import('node:http');
    const server = createServer(() => undefined);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    expect(await slow.send(hook(`http://127.0.0.1:${port}/`), signal)).toMatchObject({ ok: false, retryable: true, code: 'timeout' });
    server.closeAllConnections();
    server.close();
  });
});

describe('SMTP channel', () => {
  let smtp: SmtpFake;
  let channel: SmtpEmailChannel;
  const mail: OutboundMessage = { id: 'msg_mail1', tenantId: 't', channel: 'email', to: 'owner@demo-restaurant.test', from: null, body: { kind: 'email', subject: 'New order: $9.00', text: 'Body — with “quotes”' }, attempt: 1, secrets: [] };
  beforeAll(async () => {
    smtp = await SmtpFake.start();
    channel = new SmtpEmailChannel({ smtpUrl: smtp.url, from: 'Vozlia <no-reply@vozlia.test>', timeoutMs: 5_000 });
  });
  afterAll(async () => {
    channel?.close();
    await smtp?.close();
  });

  it('sends with AUTH, a stable Message-ID and the text intact', async () => {
    expect(await channel.send(mail, signal)).toMatchObject({ ok: true, providerRef: '<msg_mail1@vozlia.test>' });
    expect(smtp.mails[0]).toMatchObject({ from: 'no-reply@vozlia.test', to: ['owner@demo-restaurant.test'], subject: 'New order: $9.00', text: 'Body — with “quotes”\n', messageId: '<msg_mail1@vozlia.test>' });
  });

  it('retries a temporary refusal and gives up on a permanent one', async () => {
    smtp.refuseNext(1, 451);
    expect(await channel.send(mail, signal)).toEqual({ ok: false, retryable: true, code: 'smtp_451' });
    smtp.refuseNext(1, 550);
    expect(await channel.send(mail, signal)).toEqual({ ok: false, retryable: false, code: 'smtp_550' });
  });

  it('treats a server that is not there as a network failure worth retrying', async () => {
    const nowhere = new SmtpEmailChannel({ smtpUrl: 'smtp://u:p@127.0.0.1:1', from: 'x@y.test', timeoutMs: 1_000 });
    expect(await nowhere.send(mail, signal)).toMatchObject({ ok: false, retryable: true });
    nowhere.close();
  });
});

describe('classification helpers', () => {
  it('classifies HTTP statuses', () => {
    expect(classifyHttpStatus(408)).toMatchObject({ retryable: true });
    expect(classifyHttpStatus(429, 5000)).toEqual({ ok: false, retryable: true, code: 'http_429', retryAfterMs: 5000 });
    expect(classifyHttpStatus(302)).toMatchObject({ retryable: true, code: 'http_302' });
    expect(classifyHttpStatus(404)).toMatchObject({ retryable: false });
  });

  it('knows public addresses from private, loopback, link-local and mapped ones', () => {
    for (const ip of ['8.8.8.8', '2606:4700::1111', '172.32.0.1']) expect(isPublicAddress(ip), ip).toBe(true);
    for (const ip of ['10.1.2.3', '127.0.0.1', '169.254.169.254', '172.16.5.4', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', 'not-an-ip']) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
  });
});
