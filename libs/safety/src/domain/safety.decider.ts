import { assertNever, type Decider } from '@regie/eventsourcing';
import { safetyRules, type SafetyRule } from './safety.rules';
import { DEFAULT_EXCLUSION_CHANNELS, type SafetyActor, type SafetyCommand } from './safety.commands';
import { AGGRESSION_CATEGORIES, SAFETY_SYSTEM_ACTOR, type AggressionCategory, type SafetyEvent } from './safety.events';
import type { AggressionReport, Exclusion, SafetyState } from './safety.state';

export const MAX_DESCRIPTION_LENGTH = 500;
const DAY_MS = 24 * 3600 * 1000;

const { refuse } = safetyRules;

const initialState = (): SafetyState => ({ reports: {}, exclusions: {} });

const isCategory = (value: string): value is AggressionCategory => (AGGRESSION_CATEGORIES as readonly string[]).includes(value);

const requireRole = (actor: SafetyActor, role: 'agent' | 'supervisor', rule: SafetyRule): void => {
  if (!actor.roles.includes(role)) refuse(rule, `only a ${role} may do this`);
};

const requireReason = (reason: string): string => {
  const trimmed = reason.trim();
  if (trimmed.length === 0) refuse('reason-required', 'a reason is required');
  return trimmed;
};

const timeOf = (value: string, what: string): number => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) refuse('invalid-time', `${what} is not a valid ISO time: ${JSON.stringify(value)}`);
  return ms;
};

const requireCustomer = (state: SafetyState, customerId: string): void => {
  if (state.customerId !== undefined && state.customerId !== customerId) {
    refuse('customer-mismatch', `this record belongs to another customer than ${customerId}`);
  }
};

/** Four eyes: who decides on a report never reported it. */
const requireFourEyes = (actor: SafetyActor, reports: readonly AggressionReport[]): void => {
  if (reports.some((report) => report.reportedBy === actor.id)) {
    refuse('four-eyes', 'a supervisor cannot decide on a report they made themselves');
  }
};

const openReport = (state: SafetyState, reportId: string): AggressionReport => {
  const report = state.reports[reportId] ?? refuse('unknown-report', `there is no report ${reportId}`);
  if (report.status !== 'open') refuse('report-not-open', `report ${reportId} is ${report.status}, not open`);
  return report;
};

const distinct = (values: readonly string[]): string[] => [
  ...new Set(values.map((value) => value.trim()).filter((value) => value.length > 0)),
];

/** Ended (lifted or expired) — the status, not the clock: an overdue exclusion still needs its ExclusionExpired. */
const hasEnded = (exclusion: Exclusion): boolean => exclusion.status !== 'in-force';

const decide = (command: SafetyCommand, state: SafetyState): SafetyEvent[] => {
  switch (command.type) {
    case 'ReportAggression': {
      const { reportId, customerId, contactId, channel, category, description, actor, now } = command.data;
      requireRole(actor, 'agent', 'reporter-must-be-agent');
      requireCustomer(state, customerId);
      // The report id comes from the client: a retried report finds itself already recorded.
      if (state.reports[reportId]) return [];
      const text = description.trim();
      if (text.length < 1 || text.length > MAX_DESCRIPTION_LENGTH) {
        refuse('description-length', `the description must be 1 to ${MAX_DESCRIPTION_LENGTH} characters, short and factual`);
      }
      if (!isCategory(category)) return refuse('unknown-category', `category must be one of ${AGGRESSION_CATEGORIES.join(', ')}`);
      if (contactId.trim().length === 0) refuse('contact-required', 'a report names the contact it happened in');
      if (channel.trim().length === 0) refuse('channel-required', 'a report names the channel it happened in');
      timeOf(now, 'now');
      return [
        {
          type: 'AggressionReported',
          data: { reportId, customerId, contactId, channel, category, description: text, reportedBy: actor.id, actor: actor.id, at: now },
        },
      ];
    }
    case 'DismissReport':
    case 'IssueWarning': {
      const { reportId, reason, actor, now } = command.data;
      requireRole(actor, 'supervisor', 'decider-must-be-supervisor');
      const why = requireReason(reason);
      const report = openReport(state, reportId);
      requireFourEyes(actor, [report]);
      const data = { reportId, reason: why, actor: actor.id, at: now };
      return [command.type === 'DismissReport' ? { type: 'ReportDismissed', data } : { type: 'WarningIssued', data }];
    }
    case 'RegisterExclusion': {
      const { exclusionId, customerId, endsAt, reason, reportIds, actor, now, maxExclusionDays } = command.data;
      requireRole(actor, 'supervisor', 'decider-must-be-supervisor');
      requireCustomer(state, customerId);
      // A retried registration finds its exclusion already there (and its reports already closed).
      if (state.exclusions[exclusionId]) return [];
      const why = requireReason(reason);

      const ids = distinct(reportIds);
      if (ids.length === 0) refuse('no-open-report', 'an exclusion rests on at least one open report');
      const reports = ids.map((id) => state.reports[id] ?? refuse('unknown-report', `there is no report ${id}`));
      const notUsable = reports.find((report) => report.status !== 'open' || report.customerId !== customerId);
      if (notUsable) refuse('no-open-report', `report ${notUsable.reportId} is not an open report of customer ${customerId}`);
      requireFourEyes(actor, reports);

      const channels = [distinct(command.data.channels ?? []), distinct(command.data.defaultChannels ?? [])].find(
        (named) => named.length > 0,
      ) ?? [...DEFAULT_EXCLUSION_CHANNELS];

      const start = timeOf(now, 'now');
      const end = timeOf(endsAt, 'endsAt');
      if (end <= start) refuse('end-in-past', 'an exclusion ends after it starts');
      if (end > start + maxExclusionDays * DAY_MS) refuse('end-beyond-maximum', `an exclusion lasts at most ${maxExclusionDays} days`);

      const alternatives = distinct(command.data.alternatives);
      if (alternatives.length === 0) refuse('alternatives-required', 'an exclusion names the channels the customer can use instead');
      const excluded = alternatives.filter((channel) => channels.includes(channel));
      if (excluded.length > 0) refuse('alternative-excluded', `an alternative cannot be an excluded channel: ${excluded.join(', ')}`);

      return [
        {
          type: 'ExclusionRegistered',
          data: {
            exclusionId,
            customerId,
            channels,
            startsAt: now,
            endsAt,
            reason: why,
            reportIds: ids,
            alternatives,
            actor: actor.id,
            at: now,
          },
        },
      ];
    }
    case 'LiftExclusion': {
      const { exclusionId, reason, actor, now } = command.data;
      requireRole(actor, 'supervisor', 'decider-must-be-supervisor');
      const why = requireReason(reason);
      const exclusion = state.exclusions[exclusionId];
      if (!exclusion || exclusion.status !== 'in-force' || timeOf(exclusion.endsAt, 'endsAt') <= timeOf(now, 'now')) {
        refuse('exclusion-not-in-force', `exclusion ${exclusionId} is not in force`);
      }
      return [{ type: 'ExclusionLifted', data: { exclusionId, reason: why, actor: actor.id, at: now } }];
    }
    case 'ExpireExclusions': {
      const { now } = command.data;
      const at = timeOf(now, 'now');
      return Object.values(state.exclusions)
        .filter((exclusion) => exclusion.status === 'in-force' && Date.parse(exclusion.endsAt) <= at)
        .map((exclusion) => ({
          type: 'ExclusionExpired',
          data: { exclusionId: exclusion.exclusionId, actor: SAFETY_SYSTEM_ACTOR, at: now },
        }));
    }
    case 'EraseExpiredRecords': {
      const { now, retentionDays } = command.data;
      const at = timeOf(now, 'now');
      const reports = Object.values(state.reports);
      const exclusions = Object.values(state.exclusions);
      if (reports.length === 0 && exclusions.length === 0) return [];
      if (reports.some((report) => report.status === 'open') || !exclusions.every(hasEnded)) return [];
      // The retention runs from the last thing that ended: an exclusion, or a decision on a report.
      const ends = [...exclusions.map((exclusion) => exclusion.endedAt), ...reports.map((report) => report.closedAt)].map((end) =>
        Date.parse(end ?? ''),
      );
      if (ends.some(Number.isNaN)) return [];
      if (Math.max(...ends) + retentionDays * DAY_MS > at) return [];
      return [{ type: 'SafetyRecordsErased', data: { erasedBefore: now, actor: SAFETY_SYSTEM_ACTOR, at: now } }];
    }
    case 'EraseOnRequest': {
      const { now, actor } = command.data;
      timeOf(now, 'now');
      if (Object.keys(state.reports).length === 0 && Object.keys(state.exclusions).length === 0) return [];
      return [{ type: 'SafetyRecordsErased', data: { erasedBefore: now, actor, at: now } }];
    }
    default:
      return assertNever(command);
  }
};

const withReport = (state: SafetyState, reportId: string, change: Partial<AggressionReport>): SafetyState => {
  const report = state.reports[reportId];
  return report ? { ...state, reports: { ...state.reports, [reportId]: { ...report, ...change } } } : state;
};

const withExclusion = (state: SafetyState, exclusionId: string, change: Partial<Exclusion>): SafetyState => {
  const exclusion = state.exclusions[exclusionId];
  return exclusion ? { ...state, exclusions: { ...state.exclusions, [exclusionId]: { ...exclusion, ...change } } } : state;
};

const evolve = (state: SafetyState, event: SafetyEvent): SafetyState => {
  switch (event.type) {
    case 'AggressionReported': {
      const { reportId, customerId, contactId, channel, category, reportedBy, at } = event.data;
      const report: AggressionReport = { reportId, customerId, contactId, channel, category, reportedBy, reportedAt: at, status: 'open' };
      return { ...state, customerId: state.customerId ?? customerId, reports: { ...state.reports, [reportId]: report } };
    }
    case 'ReportDismissed':
      return withReport(state, event.data.reportId, { status: 'dismissed', closedAt: event.data.at });
    case 'WarningIssued':
      return withReport(state, event.data.reportId, { status: 'warned', closedAt: event.data.at });
    case 'ExclusionRegistered': {
      const { exclusionId, customerId, channels, startsAt, endsAt, reason, reportIds, alternatives, actor, at } = event.data;
      const exclusion: Exclusion = {
        exclusionId,
        customerId,
        channels,
        startsAt,
        endsAt,
        reason,
        reportIds,
        alternatives,
        registeredBy: actor,
        status: 'in-force',
      };
      const registered: SafetyState = {
        ...state,
        customerId: state.customerId ?? customerId,
        exclusions: { ...state.exclusions, [exclusionId]: exclusion },
      };
      return reportIds.reduce((next, reportId) => withReport(next, reportId, { status: 'excluded', closedAt: at }), registered);
    }
    case 'ExclusionLifted':
      return withExclusion(state, event.data.exclusionId, { status: 'lifted', endedAt: event.data.at });
    case 'ExclusionExpired': {
      const exclusion = state.exclusions[event.data.exclusionId];
      return withExclusion(state, event.data.exclusionId, { status: 'expired', endedAt: exclusion?.endsAt ?? event.data.at });
    }
    case 'SafetyRecordsErased':
      return initialState();
    default:
      return assertNever(event);
  }
};

export const safetyDecider: Decider<SafetyCommand, SafetyEvent, SafetyState> = { decide, evolve, initialState };
