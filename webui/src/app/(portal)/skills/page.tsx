import type { Metadata } from 'next';
import { OwnerOnly } from '@/components/shell/owner-only';
import { SkillsPage } from '@/features/skills/components/skills-page';

export const metadata: Metadata = { title: 'Skills' };

export default function Page() {
  return (
    <OwnerOnly area="analytics">
      <SkillsPage />
    </OwnerOnly>
  );
}
