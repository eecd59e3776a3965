import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureFeature } from '../testing/fixtures/features/fixture-feature.js';
import { FeatureLoadError, FeatureRegistry, loadFeatures } from './registry.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../testing/fixtures/features');
const fixtureDir = (name: string) => path.join(FIXTURES, name);

async function loadError(dir: string): Promise<FeatureLoadError> {
  const err = await loadFeatures(fixtureDir(dir)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeatureLoadError);
  return err as FeatureLoadError;
}

describe('loadFeatures', () => {
  it('discovers every valid feature folder in stable alphabetical order', async () => {
    const registry = await loadFeatures(fixtureDir('ok'));
    expect(registry.features.map((f) => f.manifest.name)).toEqual(['alpha', 'mid_one', 'zeta']);
    expect(Object.isFrozen(registry.features)).toBe(true);
  });

  it('looks features and tools up by name', async () => {
    const registry = await loadFeatures(fixtureDir('ok'));
    expect(registry.get('mid_one')?.manifest.name).toBe('mid_one');
    expect(registry.get('nope')).toBeUndefined();
    expect(registry.tool('zeta_tool')?.feature.manifest.name).toBe('zeta');
    expect(registry.tool('zeta_tool')?.tool.name).toBe('zeta_tool');
    expect(registry.tool('nope')).toBeUndefined();
  });

  it('refuses a folder whose manifest declares another name', async () => {
    const err = await loadError('name-mismatch');
    expect(err.message).toBe('feature folder wrong_name declares the name right_name');
  });

  it('refuses two features declaring one tool, naming both', async () => {
    const err = await loadError('duplicate-tool');
    expect(err.message).toBe('tool shared_tool is declared by first and second');
  });

  it('stops at a module that fails to load, naming it', async () => {
    const err = await loadError('failing');
    expect(err.message).toMatch(/^feature broken failed to load: boom while loading/);
  });

  it('refuses a module that does not export `feature`', async () => {
    const err = await loadError('no-export');
    expect(err.message).toBe('feature thing does not export `feature`');
  });

  it('the real features folder loads (whatever it holds) with names equal to folders', async () => {
    const registry = await loadFeatures();
    const names = registry.features.map((f) => f.manifest.name);
    expect(names).toEqual([...names].sort());
  });
});

describe('FeatureRegistry', () => {
  it('keeps the order it was given and refuses duplicate tools', () => {
    const r = new FeatureRegistry([fixtureFeature('b', ['x']), fixtureFeature('a', ['y'])]);
    expect(r.features.map((f) => f.manifest.name)).toEqual(['b', 'a']);
    expect(() => new FeatureRegistry([fixtureFeature('b', ['x']), fixtureFeature('a', ['x'])])).toThrow(FeatureLoadError);
  });
});
