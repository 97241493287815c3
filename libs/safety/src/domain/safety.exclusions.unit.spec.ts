import { fold } from '@regie/eventsourcing';
import type { SafetyEvent } from './safety.events';
import { safetyDecider } from './safety.decider';
import {
  given,
  now,
  endsAt,
  day,
  agentA,
  agentB,
  supervisor,
  supervisingAgent,
  reported,
  dismissed,
  warned,
  register,
  registered,
  lift,
  lifted,
  expired,
} from './safety.test-fixtures';

describe('safety decider', () => {
  describe('registering an exclusion', () => {
    it('registers an exclusion resting on an open report', () => given([reported()]).when(register()).then([registered()]));
    it('excludes video when no channels are named', () => {
      given([reported()])
        .when(register({ channels: [] }))
        .then([registered()]);
      given([reported()])
        .when(register({ channels: undefined }))
        .then([registered()]);
    });
    it("takes the concept's default channels when it names them", () =>
      given([reported()])
        .when(register({ channels: [], defaultChannels: ['video', 'live-chat'], alternatives: ['phone'] }))
        .then([registered({ channels: ['video', 'live-chat'], alternatives: ['phone'] })]));
    it('rests on several reports', () =>
      given([reported('rep-1'), reported('rep-2', agentB.id)])
        .when(register({ reportIds: ['rep-1', 'rep-2'] }))
        .then([registered({ reportIds: ['rep-1', 'rep-2'] })]));
    it('closes the reports it rests on', () => {
      const state = fold(safetyDecider, [reported(), registered()]);
      expect(state.reports['rep-1']).toMatchObject({ status: 'excluded', closedAt: now });
      expect(state.exclusions['excl-1']).toMatchObject({ status: 'in-force', channels: ['video'], endsAt, registeredBy: supervisor.id });
    });
    it('registers nothing when the same exclusion comes again', () =>
      given([reported(), registered()]).when(register()).thenNothingHappens());
    it('refuses anyone but a supervisor', () =>
      given([reported()])
        .when(register({ actor: agentB }))
        .thenRefuses('decider-must-be-supervisor'));
    it('refuses the supervisor who made one of the reports (four eyes)', () =>
      given([reported('rep-1'), reported('rep-2', supervisingAgent.id)])
        .when(register({ reportIds: ['rep-1', 'rep-2'], actor: supervisingAgent }))
        .thenRefuses('four-eyes'));
    it('refuses an exclusion without a report', () =>
      given([reported()])
        .when(register({ reportIds: [] }))
        .thenRefuses('no-open-report'));
    it('refuses a report that is unknown', () =>
      given([reported()])
        .when(register({ reportIds: ['rep-9'] }))
        .thenRefuses('unknown-report'));
    it('refuses a report that is no longer open', () => {
      given([reported(), dismissed()]).when(register()).thenRefuses('no-open-report');
      given([reported(), warned()]).when(register()).thenRefuses('no-open-report');
      given([reported(), registered()])
        .when(register({ exclusionId: 'excl-2' }))
        .thenRefuses('no-open-report');
      given([reported('rep-1'), reported('rep-2'), dismissed('rep-2')])
        .when(register({ reportIds: ['rep-1', 'rep-2'] }))
        .thenRefuses('no-open-report');
    });
    it('refuses an exclusion for another customer', () =>
      given([reported()])
        .when(register({ customerId: 'cust-2' }))
        .thenRefuses('customer-mismatch'));
    it('refuses an end that is not after now', () => {
      given([reported()])
        .when(register({ endsAt: now }))
        .thenRefuses('end-in-past');
      given([reported()])
        .when(register({ endsAt: day(-1) }))
        .thenRefuses('end-in-past');
    });
    it('takes the maximum but not beyond', () => {
      given([reported()])
        .when(register({ endsAt: day(365) }))
        .then([registered({ endsAt: day(365) })]);
      given([reported()])
        .when(register({ endsAt: day(365.001) }))
        .thenRefuses('end-beyond-maximum');
      given([reported()])
        .when(register({ endsAt: day(31), maxExclusionDays: 30 }))
        .thenRefuses('end-beyond-maximum');
    });
    it('refuses an end that is not a time', () =>
      given([reported()])
        .when(register({ endsAt: 'next month' }))
        .thenRefuses('invalid-time'));
    it('refuses an exclusion without a reason', () =>
      given([reported()])
        .when(register({ reason: '  ' }))
        .thenRefuses('reason-required'));
    it('refuses an exclusion without alternatives', () =>
      given([reported()])
        .when(register({ alternatives: [] }))
        .thenRefuses('alternatives-required'));
    it('refuses an alternative that is excluded', () => {
      given([reported()])
        .when(register({ alternatives: ['phone', 'video'] }))
        .thenRefuses('alternative-excluded');
      given([reported()])
        .when(register({ channels: undefined, alternatives: ['video'] }))
        .thenRefuses('alternative-excluded');
    });
  });

  describe('lifting an exclusion', () => {
    const inForce: SafetyEvent[] = [reported(), registered()];
    it('lets a supervisor lift an exclusion in force', () => given(inForce).when(lift()).then([lifted()]));
    it('refuses anyone but a supervisor', () =>
      given(inForce)
        .when(lift({ actor: agentA }))
        .thenRefuses('decider-must-be-supervisor'));
    it('refuses a lift without a reason', () =>
      given(inForce)
        .when(lift({ reason: '' }))
        .thenRefuses('reason-required'));
    it('refuses an exclusion that is not in force', () => {
      given([]).when(lift()).thenRefuses('exclusion-not-in-force');
      given([...inForce, lifted()])
        .when(lift())
        .thenRefuses('exclusion-not-in-force');
      given([...inForce, expired('excl-1', endsAt)])
        .when(lift())
        .thenRefuses('exclusion-not-in-force');
    });
    it('refuses an exclusion whose end has passed though its expiry is not yet recorded', () =>
      given(inForce)
        .when(lift({ now: endsAt }))
        .thenRefuses('exclusion-not-in-force'));
  });
});
