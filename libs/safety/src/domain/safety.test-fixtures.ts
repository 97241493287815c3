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
  WarningIssued,
} from './safety.events';

/** The people, times, commands and events the safety specs are written in. */
export const given = DeciderSpecification.for(safetyDecider);

export const now = '2026-03-01T10:00:00.000Z';
export const later = '2026-03-02T10:00:00.000Z';
export const endsAt = '2026-04-01T10:00:00.000Z';
export const day = (days: number, from = now): string => new Date(Date.parse(from) + days * 24 * 3600 * 1000).toISOString();

export const agentA = { id: 'agent-a', roles: ['agent'] };
export const agentB = { id: 'agent-b', roles: ['agent'] };
export const supervisor = { id: 'sup-1', roles: ['supervisor'] };
/** A supervisor who also works as an agent, and so can be a reporter. */
export const supervisingAgent = { id: 'sup-2', roles: ['agent', 'supervisor'] };

export const report = (data: Partial<ReportAggression['data']> = {}): ReportAggression => ({
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
export const reported = (reportId = 'rep-1', by = agentA.id, customerId = 'cust-1'): AggressionReported => ({
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
export const dismiss = (data: Partial<DismissReport['data']> = {}): DismissReport => ({
  type: 'DismissReport',
  data: { reportId: 'rep-1', reason: 'a misunderstanding', actor: supervisor, now: later, ...data },
});
export const warn = (data: Partial<IssueWarning['data']> = {}): IssueWarning => ({
  type: 'IssueWarning',
  data: { reportId: 'rep-1', reason: 'first incident', actor: supervisor, now: later, ...data },
});
export const dismissed = (reportId = 'rep-1', at = later): ReportDismissed => ({
  type: 'ReportDismissed',
  data: { reportId, reason: 'a misunderstanding', actor: supervisor.id, at },
});
export const warned = (reportId = 'rep-1', at = later): WarningIssued => ({
  type: 'WarningIssued',
  data: { reportId, reason: 'first incident', actor: supervisor.id, at },
});
export const register = (data: Partial<RegisterExclusion['data']> = {}): RegisterExclusion => ({
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
export const registered = (data: Partial<ExclusionRegistered['data']> = {}): ExclusionRegistered => ({
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
export const lift = (data: Partial<LiftExclusion['data']> = {}): LiftExclusion => ({
  type: 'LiftExclusion',
  data: { exclusionId: 'excl-1', reason: 'apology accepted', actor: supervisor, now: later, ...data },
});
export const lifted = (exclusionId = 'excl-1', at = later): ExclusionLifted => ({
  type: 'ExclusionLifted',
  data: { exclusionId, reason: 'apology accepted', actor: supervisor.id, at },
});
export const expire = (at: string): ExpireExclusions => ({ type: 'ExpireExclusions', data: { now: at } });
export const expired = (exclusionId: string, at: string): ExclusionExpired => ({
  type: 'ExclusionExpired',
  data: { exclusionId, actor: 'system', at },
});
export const erase = (at: string, retentionDays = 730): EraseExpiredRecords => ({
  type: 'EraseExpiredRecords',
  data: { now: at, retentionDays },
});
