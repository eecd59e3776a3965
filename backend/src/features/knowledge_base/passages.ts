/** Splits a document into passages small enough to speak: by headings, then paragraphs, then sentences. */
export const MAX_PASSAGE_CHARS = 600;

export interface Passage {
  heading: string | null;
  text: string;
}

export type DocumentFormat = 'markdown' | 'text';

/** Pure: markdown headings become the passages' heading; long paragraphs split at sentence ends. */
export function splitPassages(body: string, format: DocumentFormat): Passage[] {
  const out: Passage[] = [];
  let heading: string | null = null;
  let paragraph: string[] = [];
  const flush = () => {
    const text = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    paragraph = [];
    if (text) for (const chunk of chunkSentences(text)) out.push({ heading, text: chunk });
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const h = format === 'markdown' ? /^#{1,6}\s+(.*)$/.exec(line) : null;
    if (h) {
      flush();
      heading = h[1]!.trim() || null;
    } else if (line === '') {
      flush();
    } else if (format === 'markdown' && /^([-*+]|\d+\.)\s+/.test(line)) {
      // List items stay in the paragraph as sentences of their own.
      const item = line.replace(/^([-*+]|\d+\.)\s+/, '');
      paragraph.push(/[.!?]$/.test(item) ? item : `${item}.`);
    } else {
      paragraph.push(format === 'markdown' ? line.replace(/[*_`]/g, '') : line);
    }
  }
  flush();
  return out;
}

function chunkSentences(text: string): string[] {
  if (text.length <= MAX_PASSAGE_CHARS) return [text];
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g) ?? [text];
  const chunks: string[] = [];
  let current = '';
  for (const s of sentences.map((x) => x.trim())) {
    if (current && current.length + 1 + s.length > MAX_PASSAGE_CHARS) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current} ${s}` : s;
    while (current.length > MAX_PASSAGE_CHARS) {
      chunks.push(current.slice(0, MAX_PASSAGE_CHARS));
      current = current.slice(MAX_PASSAGE_CHARS);
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Lower-case alphanumeric words of a query, for the OR fallback (safe inside to_tsquery). */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().match(/[a-z0-9]+/g) ?? [])].filter((w) => w.length > 1).slice(0, 24);
}
