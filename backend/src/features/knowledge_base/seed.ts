import type { FeaturePorts } from '../../features/types.js';
import { DEMO_DOCUMENTS } from './demo-documents.js';
import { KB_DOCUMENT_UPDATED, kbStream } from './events.js';

/** The demo tenants' knowledge bases; idempotent through fixed keys. */
export async function seedDemo(ports: FeaturePorts): Promise<void> {
  for (const [tenantId, docs] of Object.entries(DEMO_DOCUMENTS)) {
    const tenant = await ports.db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst();
    if (!tenant) continue;
    for (const doc of docs) {
      await ports.events.append({
        tenantId,
        stream: kbStream(tenantId, doc.documentId),
        events: [{ type: KB_DOCUMENT_UPDATED, payload: { tenantId, ...doc }, idempotencyKey: `seed:kb:${doc.documentId}:v1`, metadata: { source: 'seed', actor_mode: 'system' } }],
      });
    }
  }
}
