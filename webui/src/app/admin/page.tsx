import type { Metadata } from 'next';
import { AdminConsole } from '@/features/admin/components/admin-console';

export const metadata: Metadata = { title: 'Admin console' };

export default function Page() {
  return <AdminConsole />;
}
