import { assertNever, ruleBook, type Decider } from '@regie/eventsourcing';
import type { ErasureCommand } from './erasure.commands';
import type { CustomerErased, ErasureEvent, ErasureReason } from './erasure.events';

export const { refuse, rules: PRIVACY_RULES } = ruleBook({
  'unknown-erasure': 'not-found',
  'invalid-time': 'invalid',
});

interface Requested {
  readonly erasureId: string;
  readonly customerId: string;
  readonly reason: ErasureReason;
  readonly requestedBy: string;
  readonly requestedAt: string;
}

export type ErasureState =
  | { readonly status: 'none' }
  | ({ readonly status: 'pending' } & Requested)
  | ({ readonly status: 'completed'; readonly erasedAt: string } & Requested);

const timeOf = (value: string): string => {
  if (Number.isNaN(Date.parse(value))) refuse('invalid-time', `now is not a valid ISO time: ${JSON.stringify(value)}`);
  return value;
};

export const erasureDecider: Decider<ErasureCommand, ErasureEvent, ErasureState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'RequestErasure': {
        // A repeated request (a retried HTTP call, a replayed retention sweep) names the same erasure: nothing new.
        if (state.status !== 'none') return [];
        const { erasureId, customerId, reason, actor, now } = command.data;
        return [{ type: 'ErasureRequested', data: { erasureId, customerId, reason, actor, at: timeOf(now) } }];
      }
      case 'ConfirmErasure': {
        if (state.status === 'none') return refuse('unknown-erasure', 'there is no such erasure request');
        if (state.status === 'completed') return [];
        const { actor, now } = command.data;
        return [{ type: 'CustomerDataErased', data: { erasureId: state.erasureId, actor, at: timeOf(now) } }];
      }
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ErasureRequested': {
        const { erasureId, customerId, reason, actor, at } = event.data;
        return { status: 'pending', erasureId, customerId, reason, requestedBy: actor, requestedAt: at };
      }
      case 'CustomerDataErased':
        return state.status === 'pending' ? { ...state, status: 'completed', erasedAt: event.data.at } : state;
      default:
        return assertNever(event);
    }
  },
};

/** The audit record of a completed erasure: who asked, when, and when it was done; the customer is not named. */
export const auditOf = (state: Extract<ErasureState, { status: 'completed' }>, actor: string): CustomerErased => ({
  type: 'CustomerErased',
  data: {
    erasureId: state.erasureId,
    reason: state.reason,
    requestedBy: state.requestedBy,
    requestedAt: state.requestedAt,
    erasedAt: state.erasedAt,
    actor,
    at: state.erasedAt,
  },
});
