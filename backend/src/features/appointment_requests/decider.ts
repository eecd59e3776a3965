import {
  APPOINTMENT_CANCELLED,
  APPOINTMENT_COMPLETED,
  APPOINTMENT_CONFIRMED,
  APPOINTMENT_NO_SHOW,
  APPOINTMENT_REQUESTED,
  type AppointmentEvent,
  type AppointmentRef,
  type AppointmentRequested,
} from './events.js';

export type AppointmentStatus = 'requested' | 'confirmed' | 'cancelled' | 'no_show' | 'completed';

export type AppointmentCommand =
  | { type: 'RequestAppointment'; data: AppointmentRequested }
  | { type: 'ConfirmAppointment' | 'CancelAppointment' | 'MarkNoShow' | 'CompleteAppointment'; data: AppointmentRef };

export type AppointmentState = { status: 'none' } | { status: AppointmentStatus };

export class AppointmentStateError extends Error {
  override name = 'AppointmentStateError';
}

const TARGET: Record<Exclude<AppointmentCommand['type'], 'RequestAppointment'>, { status: AppointmentStatus; event: AppointmentEvent['type'] }> = {
  ConfirmAppointment: { status: 'confirmed', event: APPOINTMENT_CONFIRMED },
  CancelAppointment: { status: 'cancelled', event: APPOINTMENT_CANCELLED },
  MarkNoShow: { status: 'no_show', event: APPOINTMENT_NO_SHOW },
  CompleteAppointment: { status: 'completed', event: APPOINTMENT_COMPLETED },
};

export const initial = (): AppointmentState => ({ status: 'none' });

export function evolve(state: AppointmentState, event: AppointmentEvent): AppointmentState {
  switch (event.type) {
    case APPOINTMENT_REQUESTED:
      return { status: 'requested' };
    case APPOINTMENT_CONFIRMED:
      return { status: 'confirmed' };
    case APPOINTMENT_CANCELLED:
      return { status: 'cancelled' };
    case APPOINTMENT_NO_SHOW:
      return { status: 'no_show' };
    case APPOINTMENT_COMPLETED:
      return { status: 'completed' };
    default:
      return state;
  }
}

/** Open appointments (requested, confirmed) move on; final ones refuse; repeating a move is a no-op. */
export function decide(command: AppointmentCommand, state: AppointmentState): AppointmentEvent[] {
  if (command.type === 'RequestAppointment') {
    if (state.status !== 'none') throw new AppointmentStateError('the appointment already exists');
    return [{ type: APPOINTMENT_REQUESTED, data: command.data }];
  }
  const target = TARGET[command.type];
  if (state.status === target.status) return [];
  if (state.status !== 'requested' && state.status !== 'confirmed') {
    throw new AppointmentStateError(`an appointment that is ${state.status === 'none' ? 'unknown' : state.status} cannot become ${target.status}`);
  }
  return [{ type: target.event, data: command.data } as AppointmentEvent];
}

export const appointmentDecider = {
  eventTypes: new Set([APPOINTMENT_REQUESTED, APPOINTMENT_CONFIRMED, APPOINTMENT_CANCELLED, APPOINTMENT_NO_SHOW, APPOINTMENT_COMPLETED] as const),
  initial,
  evolve,
  decide,
};
