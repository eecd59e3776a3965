import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyFeature } from './types.js';

/** A tool of any feature, whatever that feature's store. */
export type AnyTool = NonNullable<AnyFeature['tools']>[number];

export class FeatureLoadError extends Error {
  override name = 'FeatureLoadError';
}

const FEATURES_DIR = path.dirname(fileURLToPath(import.meta.url));
const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Discovers features: every folder beside this file with an `index` module exporting `feature`.
 * Adding a folder is enough. Stable (alphabetical) order; a folder that fails to load stops the
 * start with its name.
 */
export async function loadFeatures(dir: string = FEATURES_DIR): Promise<FeatureRegistry> {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && NAME.test(d.name))
    .map((d) => d.name)
    .sort();
  const modules: AnyFeature[] = [];
  for (const folder of folders) {
    const entry = ['index.js', 'index.ts'].map((f) => path.join(dir, folder, f)).find((f) => existsSync(f));
    if (!entry) continue;
    let mod: { feature?: AnyFeature };
    try {
      mod = (await import(pathToFileURL(entry).href)) as { feature?: AnyFeature };
    } catch (err) {
      throw new FeatureLoadError(`feature ${folder} failed to load: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!mod.feature) throw new FeatureLoadError(`feature ${folder} does not export \`feature\``);
    if (mod.feature.manifest.name !== folder) {
      throw new FeatureLoadError(`feature folder ${folder} declares the name ${mod.feature.manifest.name}`);
    }
    modules.push(mod.feature);
  }
  return new FeatureRegistry(modules);
}

/** The loaded features, immutable after start. */
export class FeatureRegistry {
  readonly features: readonly AnyFeature[];
  readonly #toolOwner: ReadonlyMap<string, { feature: AnyFeature; tool: AnyTool }>;

  constructor(features: readonly AnyFeature[]) {
    this.features = Object.freeze([...features]);
    const owners = new Map<string, { feature: AnyFeature; tool: AnyTool }>();
    for (const feature of features) {
      for (const tool of feature.tools ?? []) {
        const prior = owners.get(tool.name);
        if (prior) {
          throw new FeatureLoadError(`tool ${tool.name} is declared by ${prior.feature.manifest.name} and ${feature.manifest.name}`);
        }
        owners.set(tool.name, { feature, tool });
      }
    }
    this.#toolOwner = owners;
  }

  get(name: string): AnyFeature | undefined {
    return this.features.find((f) => f.manifest.name === name);
  }

  /** The feature that owns a tool, and the tool. */
  tool(name: string): { feature: AnyFeature; tool: AnyTool } | undefined {
    return this.#toolOwner.get(name);
  }
}
