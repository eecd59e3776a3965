import type { Catalog, Service, Staff } from '@vozlia/contract';

// The catalog's shape is the contract's (the portal edits it with the same schema); the look-ups are here.
export { CatalogSchema, ServiceSchema, StaffSchema, type Catalog, type CatalogInput, type Service, type Staff } from '@vozlia/contract';

export function findService(catalog: Catalog, name: string): Service | undefined {
  const n = normalize(name);
  return catalog.services.find((s) => normalize(s.name) === n || s.id === n);
}

export function findStaff(catalog: Catalog, name: string): Staff | undefined {
  const n = normalize(name);
  return catalog.staff.find((s) => normalize(s.name) === n || s.id === n);
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
