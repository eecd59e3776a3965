/** Just enough TwiML reading for the simulator: <Gather>, <Connect><Stream>, <Say>, <Hangup>. */
export type TwimlStep =
  | { kind: 'gather'; action: string; numDigits: number | null; prompt: string }
  | { kind: 'stream'; url: string; parameters: Record<string, string> }
  | { kind: 'hangup'; said: string[] }
  | { kind: 'other'; said: string[] };

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : null;
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function says(xml: string): string[] {
  return [...xml.matchAll(/<Say[^>]*>([\s\S]*?)<\/Say>/g)].map((m) => decodeXml(m[1]!.trim()));
}

export function readTwiml(xml: string): TwimlStep {
  const stream = /<Connect[^>]*>[\s\S]*?(<Stream\b[^>]*?(?:\/>|>[\s\S]*?<\/Stream>))/.exec(xml);
  if (stream) {
    const tag = stream[1]!;
    const url = attr(tag, 'url') ?? '';
    const parameters: Record<string, string> = {};
    for (const p of tag.matchAll(/<Parameter\b[^>]*\/?>/g)) {
      const name = attr(p[0], 'name');
      const value = attr(p[0], 'value');
      if (name !== null && value !== null) parameters[name] = value;
    }
    return { kind: 'stream', url, parameters };
  }
  const gather = /<Gather\b[^>]*>/.exec(xml);
  if (gather) {
    const n = attr(gather[0], 'numDigits');
    return { kind: 'gather', action: attr(gather[0], 'action') ?? '', numDigits: n === null ? null : Number(n), prompt: says(xml).join(' ') };
  }
  if (/<Hangup\s*\/?>/.test(xml)) return { kind: 'hangup', said: says(xml) };
  return { kind: 'other', said: says(xml) };
}
