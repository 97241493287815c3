import { fold } from '@regie/eventsourcing';
import { DeciderSpecification } from '@regie/eventsourcing/testing';
import type {
  DismissReport,
  EraseExpiredRecords,
  ExpireExclusions,
  IssueWarning,
  LiftExclusion,
  RegisterExclusion,
  ReportAggression,
} from './safety.commands';
import { safetyDecider } from './safety.decider';
import type {
  AggressionReported,
  ExclusionExpired,
  ExclusionLifted,
  ExclusionRegistered,
  ReportDismissed,
  SafetyEvent,
  WarningIssued,
} from './safety.events';
import { eligibility, exclusionInForce } from './safety.queries';

const given = DeciderSpecification.for(safetyDecider);

const now = '2026-03-01T10:00:00.000Z';
const later = '2026-03-02T10:00:00.000Z';
const endsAt = '2026-04-01T10:00:00.000Z';
const day = (days: number, from = now): string => new Date(Date.parse(from) + days * 24 * 3600 * 1000).toISOString();

const agentA = { id: 'agent-a', roles: ['agent'] };
const agentB = { id: 'agent-b', roles: ['agent'] };
const supervisor = { id: 'sup-1', roles: ['supervisor'] };
/** A supervisor who also works as an agent, and so can be a reporter. */
const supervisingAgent = { id: 'sup-2', roles: ['agent', 'supervisor'] };

const report = (data: Partial<ReportAggression['data']> = {}): ReportAggression => ({
  type: 'ReportAggression',
  data: {
    reportId: 'rep-1',
    customerId: 'cust-1',
    contactId: 'call-1',
    channel: 'video',
    category: 'threat',
    description: 'The customer threatened to come to the office.',
    actor: agentA,
    now,
    ...data,
  },
});
const reported = (reportId = 'rep-1', by = agentA.id, customerId = 'cust-1'): AggressionReported => ({
  type: 'AggressionReported',
  data: {
    reportId,
    customerId,
    contactId: 'call-1',
    channel: 'video',
    category: 'threat',
    description: 'The customer threatened to come to the office.',
    reportedBy: by,
    actor: by,
    at: now,
  },
});
const dismiss = (data: Partial<DismissReport['data']> = {}): DismissReport => ({
  type: 'DismissReport',
  data: { reportId: 'rep-1', reason: 'a misunderstanding', actor: supervisor, now: later, ...data },
});
const warn = (data: Partial<IssueWarning['data']> = {}): IssueWarning => ({
  type: 'IssueWarning',
  data: { reportId: 'rep-1', reason: 'first incident', actor: supervisor, now: later, ...data },
});
const dismissed = (reportId = 'rep-1', at = later): ReportDismissed => ({
  type: 'ReportDismissed',
  data: { reportId, reason: 'a misunderstanding', actor: supervisor.id, at },
});
const warned = (reportId = 'rep-1', at = later): WarningIssued => ({
  type: 'WarningIssued',
  data: { reportId, reason: 'first incident', actor: supervisor.id, at },
});
const register = (data: Partial<RegisterExclusion['data']> = {}): RegisterExclusion => ({
  type: 'RegisterExclusion',
  data: {
    exclusionId: 'excl-1',
    customerId: 'cust-1',
    channels: ['video'],
    endsAt,
    reason: 'threatened an agent during a video call',
    reportIds: ['rep-1'],
    alternatives: ['phone', 'counter'],
    actor: supervisor,
    now,
    maxExclusionDays: 365,
    ...data,
  },
});
const registered = (data: Partial<ExclusionRegistered['data']> = {}): ExclusionRegistered => ({
  type: 'ExclusionRegistered',
  data: {
    exclusionId: 'excl-1',
    customerId: 'cust-1',
    channels: ['video'],
    startsAt: now,
    endsAt,
    reason: 'threatened an agent during a video call',
    reportIds: ['rep-1'],
    alternatives: ['phone', 'counter'],
    actor: supervisor.id,
    at: now,
    ...data,
  },
});
const lift = (data: Partial<LiftExclusion['data']> = {}): LiftExclusion => ({
  type: 'LiftExclusion',
  data: { exclusionId: 'excl-1', reason: 'apology accepted', actor: supervisor, now: later, ...data },
});
const lifted = (exclusionId = 'excl-1', at = later): ExclusionLifted => ({
  type: 'ExclusionLifted',
  data: { exclusionId, reason: 'apology accepted', actor: supervisor.id, at },
});
const expire = (at: string): ExpireExclusions => ({ type: 'ExpireExclusions', data: { now: at } });
const expired = (exclusionId: string, at: string): ExclusionExpired => ({
  type: 'ExclusionExpired',
  data: { exclusionId, actor: 'system', at },
});
const erase = (at: string, retentionDays = 730): EraseExpiredRecords => ({ type: 'EraseExpiredRecords', data: { now: at, retentionDays } });

describe('safety decider', () => {
  describe('reporting aggression', () => {
    it('records a report by an agent', () => given([]).when(report()).then([reported()]));
    it('keeps the description trimmed', () =>
      given([])
        .when(report({ description: '  The customer threatened to come to the office.  ' }))
        .then([reported()]));
    it('records nothing when the same report comes again', () => given([reported()]).when(report()).thenNothingHappens());
    it('refuses a reporter who is not an agent', () =>
      given([])
        .when(report({ actor: supervisor }))
        .thenRefuses('reporter-must-be-agent'));
    it('refuses an empty description', () => {
      given([])
        .when(report({ description: '' }))
        .thenRefuses('description-length');
      given([])
        .when(report({ description: '   ' }))
        .thenRefuses('description-length');
    });
    it('takes 500 characters but not 501', () => {
      given([])
        .when(report({ description: 'x'.repeat(500) }))
        .then([{ ...reported(), data: { ...reported().data, description: 'x'.repeat(500) } }]);
      given([])
        .when(report({ description: 'x'.repeat(501) }))
        .thenRefuses('description-length');
    });
    it('refuses an unknown category', () =>
      given([])
        .when(report({ category: 'rude' }))
        .thenRefuses('unknown-category'));
    it('takes every known category', () => {
      for (const category of ['verbal', 'threat', 'physical', 'discrimination', 'sexual', 'other']) {
        expect(safetyDecider.decide(report({ category }), safetyDecider.initialState())).toHaveLength(1);
      }
    });
    it('refuses a report without a contact', () =>
      given([])
        .when(report({ contactId: ' ' }))
        .thenRefuses('contact-required'));
    it('refuses a report without a channel', () =>
      given([])
        .when(report({ channel: '' }))
        .thenRefuses('channel-required'));
    it('refuses a report about another customer on this stream', () =>
      given([reported()])
        .when(report({ reportId: 'rep-2', customerId: 'cust-2' }))
        .thenRefuses('customer-mismatch'));
    it('refuses a time that is not one', () =>
      given([])
        .when(report({ now: 'yesterday' }))
        .thenRefuses('invalid-time'));
  });

  describe('dismissing and warning', () => {
    it('lets a supervisor dismiss an open report', () => given([reported()]).when(dismiss()).then([dismissed()]));
    it('lets a supervisor warn on an open report', () => given([reported()]).when(warn()).then([warned()]));
    it('refuses anyone but a supervisor', () => {
      given([reported()])
        .when(dismiss({ actor: agentB }))
        .thenRefuses('decider-must-be-supervisor');
      given([reported()])
        .when(warn({ actor: agentB }))
        .thenRefuses('decider-must-be-supervisor');
    });
    it('refuses the supervisor who made the report (four eyes)', () => {
      given([reported('rep-1', supervisingAgent.id)])
        .when(dismiss({ actor: supervisingAgent }))
        .thenRefuses('four-eyes');
      given([reported('rep-1', supervisingAgent.id)])
        .when(warn({ actor: supervisingAgent }))
        .thenRefuses('four-eyes');
    });
    it('refuses an unknown report', () => {
      given([]).when(dismiss()).thenRefuses('unknown-report');
      given([]).when(warn()).thenRefuses('unknown-report');
    });
    it('refuses a report that is no longer open', () => {
      given([reported(), dismissed()]).when(warn()).thenRefuses('report-not-open');
      given([reported(), warned()]).when(dismiss()).thenRefuses('report-not-open');
      given([reported(), registered()]).when(dismiss()).thenRefuses('report-not-open');
    });
    it('refuses a decision without a reason', () => {
      given([reported()])
        .when(dismiss({ reason: ' ' }))
        .thenRefuses('reason-required');
      given([reported()])
        .when(warn({ reason: '' }))
        .thenRefuses('reason-required');
    });
  });

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

  describe('expiring exclusions', () => {
    const two: SafetyEvent[] = [
      reported('rep-1'),
      reported('rep-2'),
      registered(),
      registered({ exclusionId: 'excl-2', reportIds: ['rep-2'], channels: ['live-chat'], alternatives: ['phone'], endsAt: day(60) }),
    ];
    it('expires every exclusion in force whose end has come', () =>
      given(two)
        .when(expire(endsAt))
        .then([expired('excl-1', endsAt)]));
    it('expires them all when all ends have passed', () =>
      given(two)
        .when(expire(day(90)))
        .then([expired('excl-1', day(90)), expired('excl-2', day(90))]));
    it('does nothing before the end', () =>
      given(two)
        .when(expire(day(30)))
        .thenNothingHappens());
    it('does not expire twice', () =>
      given([...two, expired('excl-1', endsAt)])
        .when(expire(day(40)))
        .thenNothingHappens());
    it('does not expire a lifted exclusion', () =>
      given([...two, lifted()])
        .when(expire(day(40)))
        .thenNothingHappens());
  });

  describe('erasing expired records', () => {
    const ended: SafetyEvent[] = [reported(), registered(), expired('excl-1', day(40))];
    it('erases once the retention after the end of the exclusion has passed (not after the expiry was recorded)', () =>
      given(ended)
        .when(erase(day(730, endsAt)))
        .then([{ type: 'SafetyRecordsErased', data: { erasedBefore: day(730, endsAt), actor: 'system', at: day(730, endsAt) } }]));
    it('keeps the records during the retention', () =>
      given(ended)
        .when(erase(day(729, endsAt)))
        .thenNothingHappens());
    it('counts from the lift of a lifted exclusion', () => {
      given([reported(), registered(), lifted()])
        .when(erase(day(730, later)))
        .then([expect.objectContaining({ type: 'SafetyRecordsErased' })]);
      given([reported(), registered(), lifted()])
        .when(erase(day(729, later)))
        .thenNothingHappens();
    });
    it('counts from the latest end of several', () =>
      given([
        ...ended,
        reported('rep-2'),
        registered({ exclusionId: 'excl-2', reportIds: ['rep-2'], endsAt: day(90) }),
        lifted('excl-2', day(100)),
      ])
        .when(erase(day(730, endsAt)))
        .thenNothingHappens());
    it('keeps everything while an exclusion is in force, even past its end', () =>
      given([reported(), registered()])
        .when(erase(day(1000)))
        .thenNothingHappens());
    it('keeps everything while a report is open', () =>
      given([...ended, reported('rep-2')])
        .when(erase(day(1000)))
        .thenNothingHappens());
    it('erases decided reports without exclusions after the retention from the decision', () => {
      given([reported(), dismissed()])
        .when(erase(day(30, later), 30))
        .then([expect.objectContaining({ type: 'SafetyRecordsErased' })]);
      given([reported(), warned()])
        .when(erase(day(29, later), 30))
        .thenNothingHappens();
    });
    it('has nothing to erase on an empty record', () =>
      given([])
        .when(erase(day(1000)))
        .thenNothingHappens());
    it('leaves the state as new and erases once', () => {
      const erasedEvents = safetyDecider.decide(erase(day(730, endsAt)), fold(safetyDecider, ended));
      const after = fold(safetyDecider, [...ended, ...erasedEvents]);
      expect(after).toEqual(safetyDecider.initialState());
      given([...ended, ...erasedEvents])
        .when(erase(day(731, endsAt)))
        .thenNothingHappens();
    });
  });
});

describe('safety queries', () => {
  const state = fold(safetyDecider, [reported(), registered()]);

  it('finds the exclusion in force on its channel', () => {
    expect(exclusionInForce(state, 'video', later)).toMatchObject({ exclusionId: 'excl-1' });
    expect(exclusionInForce(state, 'phone', later)).toBeUndefined();
  });

  it('no longer applies once the end has passed, before ExclusionExpired is recorded', () => {
    expect(exclusionInForce(state, 'video', day(-1, endsAt))).toBeDefined();
    expect(exclusionInForce(state, 'video', endsAt)).toBeUndefined();
    expect(eligibility(state, 'video', endsAt)).toEqual({ allowed: true });
  });

  it('no longer applies once lifted or expired', () => {
    expect(exclusionInForce(fold(safetyDecider, [reported(), registered(), lifted()]), 'video', later)).toBeUndefined();
    expect(exclusionInForce(fold(safetyDecider, [reported(), registered(), expired('excl-1', endsAt)]), 'video', later)).toBeUndefined();
  });

  it('tells an excluded customer why, until when and where to go instead', () => {
    expect(eligibility(state, 'video', later)).toEqual({
      allowed: false,
      reason: 'threatened an agent during a video call',
      alternatives: ['phone', 'counter'],
      exclusionId: 'excl-1',
      endsAt,
    });
    expect(eligibility(state, 'phone', later)).toEqual({ allowed: true });
    expect(eligibility(safetyDecider.initialState(), 'video', later)).toEqual({ allowed: true });
  });

  it('picks the longest of overlapping exclusions and offers no channel another one excludes', () => {
    const overlapping = fold(safetyDecider, [
      reported('rep-1'),
      reported('rep-2'),
      registered(),
      registered({ exclusionId: 'excl-2', reportIds: ['rep-2'], channels: ['video', 'phone'], alternatives: ['counter'], endsAt: day(60) }),
    ]);
    expect(eligibility(overlapping, 'video', later)).toMatchObject({ allowed: false, exclusionId: 'excl-2', alternatives: ['counter'] });
    expect(eligibility(overlapping, 'video', day(45))).toMatchObject({ allowed: false, exclusionId: 'excl-2' });
    const afterFirstEnds = eligibility(overlapping, 'phone', day(45));
    expect(afterFirstEnds).toMatchObject({ allowed: false, exclusionId: 'excl-2', alternatives: ['counter'] });
    // While excl-2 holds, excl-1's alternative 'phone' is not offered.
    const both = fold(safetyDecider, [
      reported('rep-1'),
      reported('rep-2'),
      registered({ endsAt: day(90) }),
      registered({ exclusionId: 'excl-2', reportIds: ['rep-2'], channels: ['phone'], alternatives: ['counter'], endsAt: day(60) }),
    ]);
    expect(eligibility(both, 'video', later)).toMatchObject({ allowed: false, exclusionId: 'excl-1', alternatives: ['counter'] });
  });
});
