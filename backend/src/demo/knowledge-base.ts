import { DEMO_DOCUMENTS } from './kb-documents.js';
import { KB_DOCUMENT_UPDATED, kbStream } from '../features/knowledge_base/events.js';
import { SEED_META, type DemoPorts } from './demo-ports.js';

/** The demo tenants' knowledge bases; idempotent through fixed keys. */
export async function seedKnowledgeBase(ports: DemoPorts): Promise<void> {
  for (const [tenantId, docs] of Object.entries(DEMO_DOCUMENTS)) {
    if (!(await ports.tenants.get(tenantId))) continue;
    for (const doc of docs) {
      await ports.events.append({
        tenantId,
        stream: kbStream(tenantId, doc.documentId),
        events: [{ type: KB_DOCUMENT_UPDATED, payload: { tenantId, ...doc }, idempotencyKey: `seed:kb:${doc.documentId}:v1`, metadata: SEED_META }],
      });
    }
  }
}
