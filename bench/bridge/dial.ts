/**
 * Where phone `i` of the generator connects, and the `start` it sends. Relay modes take a
 * bench token; `app` places a real call: the signed `POST /twilio/voice` to the demo
 * tenant's number, and the stream URL and parameters read from the TwiML it answers.
 */
import { placeCall } from '../../backend/src/testing/twilio-sim/place-call.js';
import { APP_DIALLED_NUMBER, APP_TWILIO_AUTH_TOKEN } from './app-call.js';

export interface StreamTarget {
  url: string;
  callSid: string;
  parameters: Record<string, string>;
}

export async function streamTarget(i: number, mode: string, target: string, rtPort: number): Promise<StreamTarget> {
  if (target === 'direct') return { url: `ws://127.0.0.1:${rtPort}/`, ...benchStart(i) };
  if (mode !== 'app') return { url: `ws://127.0.0.1:${target}/twilio/media/bench-${i}`, ...benchStart(i) };
  const baseUrl = `http://127.0.0.1:${target}`;
  // A distinct caller per phone, as real traffic would be (the app keys contacts by caller).
  const from = `+1555020${String(i).padStart(4, '0')}`;
  const placed = await placeCall({ baseUrl, to: APP_DIALLED_NUMBER, from, authToken: APP_TWILIO_AUTH_TOKEN });
  if (!placed.stream) throw new Error(`call ${i}: the app answered without a stream: ${JSON.stringify(placed.steps)}`);
  return { url: placed.stream.url, callSid: placed.callSid, parameters: placed.stream.parameters };
}

function benchStart(i: number): Omit<StreamTarget, 'url'> {
  const callSid = `CA${i}`;
  return { callSid, parameters: { tenant_id: 'bench', actor_mode: 'client', tenant_mode: 'dedicated', rid: callSid } };
}
