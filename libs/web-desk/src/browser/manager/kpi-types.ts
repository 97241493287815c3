/** The shapes of `GET /v1/kpis` and `/v1/gap-analysis` as the manager's page reads them (shared/DESIGN.md §7). */

export type KpiStatus = 'met' | 'missed' | 'no-data' | 'no-target';

export interface KpiFigure {
  readonly value: number | null;
  readonly n: number;
  readonly target: number | null;
  readonly status: KpiStatus;
  /** FCR only: contacts whose window has not passed yet. */
  readonly pending?: number;
}

export const OVERALL_KPIS = ['csat', 'nps', 'csi', 'fcr', 'botContainment'] as const;
export type OverallKpi = (typeof OVERALL_KPIS)[number];

export const CHANNEL_KPIS = [
  'csat',
  'csi',
  'nps',
  'fcr',
  'aht',
  'serviceLevel',
  'caseServiceLevel',
  'abandonment',
  'contacts',
  'share',
  'shift',
] as const;
export type ChannelKpi = (typeof CHANNEL_KPIS)[number];

export type KpiName = OverallKpi | ChannelKpi;

export type ChannelFigures = Readonly<Record<string, Readonly<Record<ChannelKpi, KpiFigure>>>>;

export interface PeriodKpis extends Readonly<Record<OverallKpi, KpiFigure>> {
  /** Only in the last period when the page asks `byChannel=last`: the one whose channels it shows first. */
  readonly byChannel?: ChannelFigures;
  readonly byLayer: Readonly<Record<string, { readonly contacts: KpiFigure; readonly share: KpiFigure }>>;
}

export interface PeriodReport {
  readonly start: string;
  readonly end: string;
  readonly label: string;
  readonly concept: { readonly name: string; readonly revision: number } | null;
  readonly kpis: PeriodKpis;
}

/** A period with its channels' figures: what the channel and layer tables show. */
export interface ChannelPeriod extends PeriodReport {
  readonly kpis: PeriodKpis & { readonly byChannel: ChannelFigures };
}

export const hasChannels = (period: PeriodReport): period is ChannelPeriod => period.kpis.byChannel !== undefined;

export type Granularity = 'day' | 'week' | 'month' | 'total';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'total'];

export interface KpiReport {
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
  readonly timeZone: string;
  readonly periods: readonly PeriodReport[];
}

export type GapVerdict = 'confirmed' | 'gap' | 'opportunity' | 'unmeasured';

export interface GapItem {
  readonly channel: string;
  readonly need: string;
  readonly declared: boolean;
  readonly measured: { readonly value: number | null; readonly n: number };
  readonly verdict: GapVerdict;
}

export interface GapAnalysis {
  readonly from: string;
  readonly to: string;
  readonly gapThreshold?: number;
  readonly items: readonly GapItem[];
}

/** The parts of `GET /v1/service-concept` the page uses: the names of the customer needs. */
export interface ConceptNeeds {
  readonly needs?: readonly { readonly id: string; readonly label: string }[];
}
