'use client';
import { useQueryClient } from '@tanstack/react-query';
import { APPOINTMENT_TRANSITIONS, SetAppointmentStatusRequest, type Appointment } from '@vozlia/contract';
import Link from 'next/link';
import { StatusChangeDialog } from '@/components/lists/status-change-dialog';
import { StatusBadge } from '@/components/ui/status-badge';
import { useApi } from '@/lib/api/api-context';
import { formatInstant, formatTime } from '@/lib/format/dates';
import { formatCents } from '@/lib/format/money';
import { tenantKey } from '@/lib/query/tenant-query';
import { setAppointmentStatus } from '../queries';

export function AppointmentRow({ appointment: a, tenantId, zone }: { appointment: Appointment; tenantId: string; zone: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const save = async (body: SetAppointmentStatusRequest) => {
    await setAppointmentStatus(api, tenantId, a.id, body);
    await queryClient.invalidateQueries({ queryKey: tenantKey(tenantId) });
  };
  return (
    <tr>
      <td data-label="When" className="nowrap">
        {formatInstant(a.starts_at, zone)}–{formatTime(a.ends_at, zone)}
      </td>
      <td data-label="Customer">
        {a.customer_name}
        {a.customer_phone && <div className="muted small">{a.customer_phone}</div>}
      </td>
      <td data-label="Service">
        {a.service}
        <div className="muted small">{a.duration_minutes} min</div>
      </td>
      <td data-label="With">{a.staff ?? <span className="muted">Anyone</span>}</td>
      <td data-label="Price" className="num">
        {formatCents(a.price_cents)}
      </td>
      <td data-label="Status">
        <StatusBadge status={a.status} />
        {a.call_sid && (
          <div className="small">
            <Link href={`/calls/detail/?id=${encodeURIComponent(a.call_sid)}`}>Call</Link>
          </div>
        )}
      </td>
      <td data-label="">
        <StatusChangeDialog subject={`appointment for ${a.customer_name}`} current={a.status} next={APPOINTMENT_TRANSITIONS[a.status]} schema={SetAppointmentStatusRequest} save={save} />
      </td>
    </tr>
  );
}
