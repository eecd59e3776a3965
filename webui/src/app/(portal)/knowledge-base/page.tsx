import type { Metadata } from 'next';
import { OwnerOnly } from '@/components/shell/owner-only';
import { DocumentsPage } from '@/features/knowledge-base/components/documents-page';

export const metadata: Metadata = { title: 'Knowledge base' };

export default function Page() {
  return (
    <OwnerOnly area="knowledge_base">
      <DocumentsPage />
    </OwnerOnly>
  );
}
