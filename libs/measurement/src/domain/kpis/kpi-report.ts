import type { ConceptRevision } from '../concept/measured-concept';
import type { KpiReadModels } from '../projections/measurement-projections';
import type { LocalDate } from '../time/calendar';
import type { Granularity } from '../time/periods';
import type { FcrKpi } from './fcr-kpi';
import type { Kpi } from './kpi';
import type { CsatKpi } from './survey-kpis';

export type { KpiReadModels };

export interface DateRange {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface KpiQuery extends DateRange {
  readonly readModels: KpiReadModels;
  readonly conceptRevisions: readonly ConceptRevision[];
  /** Default `total`. */
  readonly granularity?: Granularity;
  /** Narrows `byChannel` to this channel; the overall figures stay overall. */
  readonly channel?: string;
  /** Overrides the concept's `measurement.baseline` for channel shift. */
  readonly baseline?: DateRange;
  /** The moment FCR windows are judged at (ISO). Default: the latest event time the FCR read model has seen. */
  readonly asOf?: string;
}

export interface ChannelKpis {
  readonly csat: CsatKpi;
  readonly csi: Kpi;
  readonly nps: Kpi;
  readonly fcr: FcrKpi;
  readonly aht: Kpi;
  readonly serviceLevel: Kpi;
  readonly caseServiceLevel: Kpi;
  readonly abandonment: Kpi;
  readonly contacts: Kpi;
  readonly share: Kpi;
  readonly shift: Kpi;
}

export interface LayerKpis {
  readonly contacts: Kpi;
  readonly share: Kpi;
}

export interface PeriodKpis {
  readonly csat: CsatKpi;
  readonly nps: Kpi;
  readonly csi: Kpi;
  readonly fcr: FcrKpi;
  readonly botContainment: Kpi;
  readonly byChannel: Readonly<Record<string, ChannelKpis>>;
  readonly byLayer: Readonly<Record<string, LayerKpis>>;
}

export interface PeriodReport {
  /** Local dates, both included, cut at the queried range. */
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly label: string;
  /** The revision whose targets the period is judged against; null when no concept was ever recorded. */
  readonly concept: { readonly name: string; readonly revision: number } | null;
  readonly kpis: PeriodKpis;
}

export interface KpiReport extends DateRange {
  readonly granularity: Granularity;
  readonly timeZone: string;
  readonly periods: readonly PeriodReport[];
}
