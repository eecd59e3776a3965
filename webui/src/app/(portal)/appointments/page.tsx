import type { Metadata } from 'next';
import { AppointmentsPage } from '@/features/appointments/components/appointments-page';

export const metadata: Metadata = { title: 'Appointments' };

export default function Page() {
  return <AppointmentsPage />;
}
