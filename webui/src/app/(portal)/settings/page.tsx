import type { Metadata } from 'next';
import { OwnerOnly } from '@/components/shell/owner-only';
import { SettingsPage } from '@/features/settings/components/settings-page';

export const metadata: Metadata = { title: 'Settings' };

export default function Page() {
  return (
    <OwnerOnly>
      <SettingsPage />
    </OwnerOnly>
  );
}
