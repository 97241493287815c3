import { measurementSettings, revisionInForce } from '../concept/measured-concept';
import { count, countersOn, sumChannels, sumPerChannel, type ChannelCounters } from '../projections/tally';
import { daysBetween, eachDay, type LocalDate } from '../time/calendar';
import { periodsOf, type Period } from '../time/periods';
import { endOfLocalDay } from '../time/zoned-time';
import { channelKpis, layerKpis, type Judging, type PeriodSums } from './channel-kpis';
import { botContainmentKpi } from './contact-kpis';
import { fcrKpi, unsettledContacts, type UnsettledContact } from './fcr-kpi';
import { KeptReports } from './kept-reports';
import type { DateRange, KpiQuery, KpiReadModels, KpiReport, PeriodReport } from './kpi-report';
import { csatKpi, csiKpi, npsKpi } from './survey-kpis';

/** Without a concept the example's bot channel is the only one known. */
const DEFAULT_BOT_CHANNELS = ['chatbot'];

const timeZoneOf = (readModels: KpiReadModels): string => {
  const zones = new Set(Object.values(readModels).map((state) => state.timeZone));
  if (zones.size !== 1) throw new Error(`measurement read models disagree on the time zone: ${[...zones].join(', ')}`);
  return readModels.contacts.timeZone;
};

interface QueryContext {
  readonly query: KpiQuery;
  readonly timeZone: string;
  /** The unsettled contacts by the local day they ended, so that a period picks its own without scanning the rest. */
  readonly unsettled: ReadonlyMap<LocalDate, readonly UnsettledContact[]>;
  readonly asOf: number;
  /** Baseline sums of this query, by range. */
  readonly baselines: Map<string, ChannelCounters>;
  readonly kept: KpiMemory;
}

/** Period reports and baseline sums kept between queries (see KeptReports): hold one per read-model set. */
export interface KpiMemory {
  readonly periods: KeptReports<PeriodReport>;
  readonly baselines: KeptReports<ChannelCounters>;
}

/** A year by day and then some: a day's report is some 10 KB as JSON, so this holds a few tens of MB at most. */
const PERIODS_KEPT = 1_000;

export const newKpiMemory = (): KpiMemory => ({ periods: new KeptReports(PERIODS_KEPT), baselines: new KeptReports(100) });

/** Every tally a period report is summed from. */
const talliesOf = ({ contacts, fcr, surveys, caseQueue, containment }: KpiReadModels) => [
  contacts.days,
  fcr.days,
  surveys.days,
  caseQueue.days,
  containment.days,
];

const baselineSums = (context: QueryContext, baseline: DateRange | undefined): PeriodSums['baseline'] => {
  if (!baseline) return undefined;
  const key = `${baseline.from}/${baseline.to}`;
  let perChannel = context.baselines.get(key);
  if (!perChannel) {
    const tally = context.query.readModels.contacts.days;
    const days = eachDay(baseline.from, baseline.to);
    const inputs = [context.timeZone, ...days.map((day) => countersOn(tally, day))];
    perChannel = context.kept.baselines.reuse(key, inputs, () => sumPerChannel(tally, days));
    context.baselines.set(key, perChannel);
  }
  return { perChannel, days: daysBetween(baseline.from, baseline.to) };
};

/** The concept's channels, then any other channel with data in the period, or only the asked one. */
const channelsOf = (judging: Judging, sums: PeriodSums, only: string | undefined): string[] => {
  if (only !== undefined) return [only];
  const known = judging.concept?.channels.map((channel) => channel.id) ?? [];
  const seen = [sums.contacts, sums.fcr, sums.surveys, sums.caseQueue].flatMap((perChannel) => Object.keys(perChannel));
  return [...new Set([...known, ...seen.sort()])];
};

/**
 * A period's report, kept: computed again when one of its days' counters, the concept revision in force or
 * the baseline has changed. A period with contacts still inside their FCR window depends on the moment it is
 * judged at and is always computed.
 */
const keptPeriod = (context: QueryContext, period: Period): PeriodReport => {
  const { readModels, conceptRevisions } = context.query;
  const revision = revisionInForce(conceptRevisions, endOfLocalDay(period.end, context.timeZone));
  const days = eachDay(period.start, period.end);
  const unsettled = days.flatMap((day) => context.unsettled.get(day) ?? []);
  const settings = measurementSettings(revision?.concept);
  const baseline = baselineSums(context, context.query.baseline ?? settings.baseline);
  const compute = () => reportPeriod(context, { period, days, revision, settings, unsettled, baseline });
  if (unsettled.length > 0) return compute();
  const key = `${period.start}/${period.end}/${period.label}/${context.query.channel ?? '*'}/${context.timeZone}`;
  const tallies = talliesOf(readModels);
  // The baseline's sums are one object per range and its days' counters (they are kept too).
  const inputs = [revision, baseline?.perChannel, ...days.flatMap((day) => tallies.map((tally) => countersOn(tally, day)))];
  return context.kept.periods.reuse(key, inputs, compute);
};

interface PeriodInputs {
  readonly period: Period;
  readonly days: readonly LocalDate[];
  readonly revision: ReturnType<typeof revisionInForce>;
  readonly settings: ReturnType<typeof measurementSettings>;
  readonly unsettled: readonly UnsettledContact[];
  readonly baseline: PeriodSums['baseline'];
}

const reportPeriod = (context: QueryContext, { period, days, revision, settings, unsettled, baseline }: PeriodInputs): PeriodReport => {
  const { readModels } = context.query;
  const concept = revision?.concept;
  const judging: Judging = { concept, settings, asOf: context.asOf };
  const contacts = sumPerChannel(readModels.contacts.days, days);
  const sums: PeriodSums = {
    contacts,
    fcr: sumPerChannel(readModels.fcr.days, days),
    surveys: sumPerChannel(readModels.surveys.days, days),
    caseQueue: sumPerChannel(readModels.caseQueue.days, days),
    unsettled,
    days: days.length,
    totalContacts: count(sumChannels(contacts), 'started'),
    baseline,
  };
  const surveys = sumChannels(sums.surveys);
  const botChannels = concept?.escalation.bot.channels ?? DEFAULT_BOT_CHANNELS;
  return {
    start: period.start,
    end: period.end,
    label: period.label,
    concept: revision ? { name: revision.concept.name, revision: revision.revision } : null,
    kpis: {
      csat: csatKpi(surveys, concept),
      nps: npsKpi(surveys, concept),
      csi: csiKpi(surveys, concept),
      fcr: fcrKpi(sumChannels(sums.fcr), sums.unsettled, context.asOf, concept),
      botContainment: botContainmentKpi(sumChannels(sumPerChannel(readModels.containment.days, days), botChannels), concept),
      byChannel: Object.fromEntries(
        channelsOf(judging, sums, context.query.channel).map((channel) => [channel, channelKpis(channel, sums, judging)]),
      ),
      byLayer: layerKpis(sums, concept),
    },
  };
};

const byDay = (contacts: readonly UnsettledContact[]): Map<LocalDate, UnsettledContact[]> => {
  const days = new Map<LocalDate, UnsettledContact[]>();
  for (const contact of contacts) {
    const ofDay = days.get(contact.day);
    if (ofDay) ofDay.push(contact);
    else days.set(contact.day, [contact]);
  }
  return days;
};

/**
 * The KPIs of DESIGN §7 per period of the range, each judged against the concept revision in force in it.
 * With `kept` (one per read-model set, across queries), periods whose inputs have not changed are not computed again.
 */
export const computeKpis = (query: KpiQuery, kept: KpiMemory = newKpiMemory()): KpiReport => {
  const timeZone = timeZoneOf(query.readModels);
  const granularity = query.granularity ?? 'total';
  const context: QueryContext = {
    query,
    timeZone,
    unsettled: byDay(unsettledContacts(query.readModels.fcr)),
    asOf: query.asOf === undefined ? query.readModels.fcr.clock : Date.parse(query.asOf),
    baselines: new Map(),
    kept,
  };
  const periods = periodsOf(query.from, query.to, granularity).map((period) => keptPeriod(context, period));
  return { from: query.from, to: query.to, granularity, timeZone, periods };
};
