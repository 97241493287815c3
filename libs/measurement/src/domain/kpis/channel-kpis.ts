import type { MeasuredConcept, ResolvedMeasurementSettings } from '../concept/measured-concept';
import { count, type ChannelCounters } from '../projections/tally';
import { contactsKpi, shareKpi, shiftKpi, type ContactsPerDay } from './channel-mix';
import { abandonmentKpi, ahtKpi, caseServiceLevelKpi, serviceLevelKpi } from './contact-kpis';
import { fcrKpi, type UnsettledContact } from './fcr-kpi';
import type { ChannelKpis, LayerKpis } from './kpi-report';
import { csatKpi, csiKpi, npsKpi } from './survey-kpis';

/** One period's read models summed per channel, and what the per-channel figures need besides. */
export interface PeriodSums {
  readonly contacts: ChannelCounters;
  readonly fcr: ChannelCounters;
  readonly surveys: ChannelCounters;
  readonly caseQueue: ChannelCounters;
  readonly unsettled: readonly UnsettledContact[];
  readonly days: number;
  readonly totalContacts: number;
  /** Contacts started per channel in the baseline, and its length; undefined without a baseline. */
  readonly baseline?: { readonly perChannel: ChannelCounters; readonly days: number };
}

export interface Judging {
  readonly concept: MeasuredConcept | undefined;
  readonly settings: ResolvedMeasurementSettings;
  readonly asOf: number;
}

export const channelKpis = (channel: string, sums: PeriodSums, { concept, settings, asOf }: Judging): ChannelKpis => {
  const contacts = sums.contacts[channel] ?? {};
  const started = count(contacts, 'started');
  const baseline: ContactsPerDay | undefined = sums.baseline && {
    contacts: count(sums.baseline.perChannel[channel], 'started'),
    days: sums.baseline.days,
  };
  return {
    csat: csatKpi(sums.surveys[channel] ?? {}, concept),
    csi: csiKpi(sums.surveys[channel] ?? {}, concept),
    nps: npsKpi(sums.surveys[channel] ?? {}, concept),
    fcr: fcrKpi(
      sums.fcr[channel] ?? {},
      sums.unsettled.filter((contact) => contact.channel === channel),
      asOf,
      concept,
    ),
    aht: ahtKpi(contacts, channel, concept),
    serviceLevel: serviceLevelKpi(contacts, channel, concept, settings.serviceLevelAbandoned),
    caseServiceLevel: caseServiceLevelKpi(sums.caseQueue[channel] ?? {}, channel, concept, settings.serviceLevelAbandoned),
    abandonment: abandonmentKpi(contacts),
    contacts: contactsKpi(started),
    share: shareKpi(started, sums.totalContacts),
    shift: shiftKpi({ contacts: started, days: sums.days }, baseline, concept?.kpiTargets.channelShift[channel]),
  };
};

/** Contacts per layer of the concept; a channel the concept does not place in a layer is in no layer's count. */
export const layerKpis = (sums: PeriodSums, concept: MeasuredConcept | undefined): Record<string, LayerKpis> =>
  Object.fromEntries(
    (concept?.layers ?? []).map((layer) => {
      const channels = concept?.channels.filter((channel) => channel.layer === layer.id).map((channel) => channel.id) ?? [];
      const started = channels.reduce((sum, channel) => sum + count(sums.contacts[channel], 'started'), 0);
      return [layer.id, { contacts: contactsKpi(started), share: shareKpi(started, sums.totalContacts) }];
    }),
  );
