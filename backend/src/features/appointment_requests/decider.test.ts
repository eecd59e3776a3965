import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec.js';
import { appointmentDecider, AppointmentStateError } from './decider.js';
import { APPOINTMENT_CANCELLED, APPOINTMENT_CONFIRMED, APPOINTMENT_NO_SHOW, APPOINTMENT_REQUESTED, type AppointmentEvent, type AppointmentRequested } from './events.js';

const given = deciderSpec(appointmentDecider);
const data = { tenantId: 't', appointmentId: 'a1' } as AppointmentRequested;
const ref = { tenantId: 't', appointmentId: 'a1' };
const requested: AppointmentEvent[] = [{ type: APPOINTMENT_REQUESTED, data }];

describe('appointment decider', () => {
  it('requests once', () => {
    given([]).when({ type: 'RequestAppointment', data }).then(requested);
    given(requested).when({ type: 'RequestAppointment', data }).then(AppointmentStateError);
  });
  it('moves open appointments; final ones refuse; repeats are no-ops', () => {
    given(requested).when({ type: 'ConfirmAppointment', data: ref }).then([{ type: APPOINTMENT_CONFIRMED, data: ref }]);
    const confirmed: AppointmentEvent[] = [...requested, { type: APPOINTMENT_CONFIRMED, data: ref }];
    given(confirmed).when({ type: 'MarkNoShow', data: ref }).then([{ type: APPOINTMENT_NO_SHOW, data: ref }]);
    given(confirmed).when({ type: 'ConfirmAppointment', data: ref }).then([]);
    const cancelled: AppointmentEvent[] = [...confirmed, { type: APPOINTMENT_CANCELLED, data: ref }];
    given(cancelled).when({ type: 'CompleteAppointment', data: ref }).then(AppointmentStateError);
    given([]).when({ type: 'CancelAppointment', data: ref }).then(AppointmentStateError);
  });
});
