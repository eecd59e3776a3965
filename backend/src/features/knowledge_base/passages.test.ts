import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS, queryWords, splitPassages } from './passages.js';

describe('splitPassages', () => {
  it('splits markdown by headings and paragraphs, keeping the heading', () => {
    const p = splitPassages('# Hours\nOpen *daily*.\n\nClosed on holidays.\n## Parking\n- Street parking\n- Garage nearby', 'markdown');
    expect(p).toEqual([
      { heading: 'Hours', text: 'Open daily.' },
      { heading: 'Hours', text: 'Closed on holidays.' },
      { heading: 'Parking', text: 'Street parking. Garage nearby.' },
    ]);
  });
  it('splits long paragraphs at sentence ends under the size limit', () => {
    const sentence = 'This sentence is about forty-five characters. ';
    const p = splitPassages(sentence.repeat(40), 'text');
    expect(p.length).toBeGreaterThan(2);
    for (const x of p) {
      expect(x.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(x.text.endsWith('.')).toBe(true);
    }
  });
  it('treats # as text in plain documents and yields safe query words', () => {
    expect(splitPassages('# not a heading', 'text')).toEqual([{ heading: null, text: '# not a heading' }]);
    expect(queryWords("Do you have gluten-free options? (it's) & | !")).toEqual(['do', 'you', 'have', 'gluten', 'free', 'options', 'it']);
  });
});
