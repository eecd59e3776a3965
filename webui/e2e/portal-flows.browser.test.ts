import { describe } from 'vitest';
import { adminConsole } from './flows/admin-console.js';
import { ownerFlows } from './flows/owner-flows.js';
import { tenantIsolation } from './flows/tenant-isolation.js';
import { browserSuite } from './harness/browser-suite.js';

// Issue 15's must-shows, in chromium against the real backend (one of each for the file).
const suite = browserSuite();
describe('the demo restaurant owner, in the portal', () => ownerFlows(suite));
describe("the demo barbershop owner, kept out of the restaurant's data", () => tenantIsolation(suite));
describe('the platform admin, in the admin console', () => adminConsole(suite));
