import { measurementSettings, revisionInForce } from '../concept/measured-concept';
import { count, sumChannels, sumPerChannel, type ChannelCounters } from '../projections/tally';
import { daysBetween, eachDay } from '../time/calendar';
import { periodsOf, type Period } from '../time/periods';
import { endOfLocalDay } from '../time/zoned-time';
import { channelKpis, layerKpis, type Judging, type PeriodSums } from './channel-kpis';
import { botContainmentKpi } from './contact-kpis';
import { fcrKpi, unsettledContacts, type UnsettledContact } from './fcr-kpi';
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
  readonly unsettled: readonly UnsettledContact[];
  readonly asOf: number;
  readonly baselines: Map<string, ChannelCounters>;
}

const baselineSums = (context: QueryContext, baseline: DateRange | undefined): PeriodSums['baseline'] => {
  if (!baseline) return undefined;
  const key = `${baseline.from}/${baseline.to}`;
  let perChannel = context.baselines.get(key);
  if (!perChannel) {
    perChannel = sumPerChannel(context.query.readModels.contacts.days, eachDay(baseline.from, baseline.to));
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

const reportPeriod = (context: QueryContext, period: Period): PeriodReport => {
  const { readModels, conceptRevisions } = context.query;
  const revision = revisionInForce(conceptRevisions, endOfLocalDay(period.end, context.timeZone));
  const concept = revision?.concept;
  const settings = measurementSettings(concept);
  const judging: Judging = { concept, settings, asOf: context.asOf };
  const days = eachDay(period.start, period.end);
  const contacts = sumPerChannel(readModels.contacts.days, days);
  const sums: PeriodSums = {
    contacts,
    fcr: sumPerChannel(readModels.fcr.days, days),
    surveys: sumPerChannel(readModels.surveys.days, days),
    caseQueue: sumPerChannel(readModels.caseQueue.days, days),
    unsettled: context.unsettled.filter((contact) => contact.day >= period.start && contact.day <= period.end),
    days: days.length,
    totalContacts: count(sumChannels(contacts), 'started'),
    baseline: baselineSums(context, context.query.baseline ?? settings.baseline),
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

/** The KPIs of DESIGN §7 per period of the range, each judged against the concept revision in force in it. */
export const computeKpis = (query: KpiQuery): KpiReport => {
  const timeZone = timeZoneOf(query.readModels);
  const granularity = query.granularity ?? 'total';
  const context: QueryContext = {
    query,
    timeZone,
    unsettled: unsettledContacts(query.readModels.fcr),
    asOf: query.asOf === undefined ? query.readModels.fcr.clock : Date.parse(query.asOf),
    baselines: new Map(),
  };
  const periods = periodsOf(query.from, query.to, granularity).map((period) => reportPeriod(context, period));
  return { from: query.from, to: query.to, granularity, timeZone, periods };
};
