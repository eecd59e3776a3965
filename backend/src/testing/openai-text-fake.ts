import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers to one chat-completions request. */
export type FakeReply =
  | { toolCall: { name: string; arguments: unknown } }
  | { content: string }
  | { status: number; error: string };

export interface FakeRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface OpenAiTextFake {
  /** Base URL to use as OPENAI_BASE_URL (ends in /v1). */
  baseUrl: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

/**
 * A local stand-in for the OpenAI text endpoint (`POST /v1/chat/completions`): records each
 * request and answers with a scripted tool call, text or error, in the API's response shape.
 */
export async function startOpenAiTextFake(respond: (req: FakeRequest) => FakeReply): Promise<OpenAiTextFake> {
  const requests: FakeRequest[] = [];
  let seq = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) return send(404, { error: { message: 'not found', type: 'invalid_request_error' } });
      let body: Record<string, unknown>;
      try {
        body = await readJson(req);
      } catch {
        return send(400, { error: { message: 'bad json', type: 'invalid_request_error' } });
      }
      const request: FakeRequest = { path: req.url, authorization: req.headers.authorization, body };
      requests.push(request);
      const reply = respond(request);
      seq += 1;
      if ('status' in reply) return send(reply.status, { error: { message: reply.error, type: 'server_error' } });
      const message =
        'toolCall' in reply
          ? {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  id: `call_fake_${seq}`,
                  type: 'function',
                  function: { name: reply.toolCall.name, arguments: JSON.stringify(reply.toolCall.arguments) },
                },
              ],
            }
          : { role: 'assistant', content: reply.content };
      send(200, {
        id: `chatcmpl-fake-${seq}`,
        object: 'chat.completion',
        created: 0,
        model: String(body.model ?? 'fake'),
        choices: [{ index: 0, message, finish_reason: 'toolCall' in reply ? 'tool_calls' : 'stop', logprobs: null }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
