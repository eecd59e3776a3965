import type { FastifyPluginAsync } from 'fastify';
import WebSocket from 'ws';

/**
 * Reference relays for the benchmark, on the same Fastify + ws stack as the bridge.
 * bare: forwards every string untouched both ways (the floor: one read + one write per message).
 * naive: what public samples do — JSON.parse every message, re-serialise, a mark after each
 * media frame, marks parsed on return.
 */
export function referenceRelay(mode: 'bare' | 'naive', realtimeUrl: string): FastifyPluginAsync {
  return async (app) => {
    app.get('/twilio/media/:token', { websocket: true }, (twilio: WebSocket) => {
      const rt = new WebSocket(realtimeUrl, { perMessageDeflate: false, headers: { Authorization: 'Bearer bench' } });
      const early: string[] = [];
      let streamSid = '';
      let markSeq = 0;
      rt.on('open', () => {
        for (const m of early) rt.send(m);
        early.length = 0;
      });
      rt.on('error', () => undefined);
      twilio.on('error', () => undefined);
      rt.on('close', () => twilio.close());
      twilio.on('close', () => rt.terminate());
      if (mode === 'bare') {
        twilio.on('message', (d) => {
          const s = d.toString();
          if (rt.readyState === WebSocket.OPEN) rt.send(s);
          else early.push(s);
        });
        rt.on('message', (d) => twilio.send(d.toString()));
        return;
      }
      twilio.on('message', (d) => {
        const msg = JSON.parse(d.toString());
        if (msg.event === 'start') streamSid = msg.start.streamSid;
        if (msg.event === 'media') {
          const out = JSON.stringify({ type: 'input_audio_buffer.append', audio: msg.media.payload });
          if (rt.readyState === WebSocket.OPEN) rt.send(out);
          else early.push(out);
        }
      });
      rt.on('message', (d) => {
        const msg = JSON.parse(d.toString());
        if (msg.type === 'response.output_audio.delta') {
          twilio.send(JSON.stringify({ event: 'media', streamSid, media: { payload: msg.delta } }));
          twilio.send(JSON.stringify({ event: 'mark', streamSid, mark: { name: `m${++markSeq}` } }));
        }
      });
    });
  };
}
