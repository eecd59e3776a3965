import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceHash } from './source-hash.mjs';

describe('sourceHash', () => {
  let root: string;
  const put = (rel: string, body: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), body);
  };
  const hash = () => sourceHash({ root, webui: path.join(root, 'webui') });

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'voz-hash-'));
    put('webui/package.json', JSON.stringify({ dependencies: { next: '16' } }));
    put('webui/node_modules/next/package.json', JSON.stringify({ version: '16.4.6' }));
    put('webui/src/app/page.tsx', 'export default 1');
    put('contract/src/orders.ts', 'export const a = 1');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is stable while nothing the export is built from changes', () => {
    const before = hash();
    put('webui/src/lib/x.test.ts', 'test');
    put('webui/dev/mock-api/server.ts', 'dev only');
    put('contract/src/orders.test.ts', 'test');
    put('webui/README.md', 'docs');
    expect(hash()).toBe(before);
  });

  it('changes with a portal source, a contract source, or an installed version', () => {
    const seen = new Set([hash()]);
    put('webui/src/app/page.tsx', 'export default 2');
    seen.add(hash());
    put('contract/src/orders.ts', 'export const a = 2');
    seen.add(hash());
    put('webui/node_modules/next/package.json', JSON.stringify({ version: '16.4.7' }));
    seen.add(hash());
    put('webui/src/app/new-page.tsx', '');
    seen.add(hash());
    expect(seen.size).toBe(5);
  });
});
