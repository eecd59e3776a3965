import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OwnerOnly } from '@/components/shell/owner-only';
import { Loading } from '@/components/ui/state-views';
import { DocumentPage } from '@/features/knowledge-base/components/document-page';

export const metadata: Metadata = { title: 'Knowledge base document' };

export default function Page() {
  return (
    <OwnerOnly area="knowledge_base">
      <Suspense fallback={<Loading />}>
        <DocumentPage />
      </Suspense>
    </OwnerOnly>
  );
}
