/**
 * The service concept: how an organisation serves its public across channels. Plain values,
 * loaded and validated elsewhere; everything here reads it without side effects.
 */
export type LayerId = 'self-service' | 'assisted' | 'personal';
export const LAYER_ORDER: readonly LayerId[] = ['self-service', 'assisted', 'personal'];

export interface Layer {
  readonly id: LayerId;
  readonly label: string;
}

export interface Channel {
  readonly id: string;
  readonly layer: LayerId;
  readonly label: string;
}

export interface Need {
  readonly id: string;
  readonly label: string;
}

export interface EscalationSettings {
  readonly bot: {
    /** Channels where a bot answers; their fallbacks and sentiment count. */
    readonly channels: readonly string[];
    readonly fallbacksPerContact: number;
    readonly sentimentThreshold: number;
    readonly escalateOnHandoff: boolean;
    readonly target: string;
  };
  readonly taskFailure: { readonly repeats: number; readonly windowHours: number; readonly offerChannel: string };
  readonly video: { readonly channel: string };
}

export interface ServiceLevel {
  /** Seconds a customer may wait in this channel's queue. */
  readonly targetWaitSeconds: number;
  /** Share of contacts to be answered within the target wait (0–1). */
  readonly targetShare: number;
  /** Where a case goes once its wait passes the target; none keeps it queued. */
  readonly overflowTo?: string;
}

export interface SurveyQuestion {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Weight in the CSI (only for CSI dimensions). */
  readonly weight?: number;
  /** The customer need this question measures (a need id), for the gap analysis. */
  readonly need?: string;
}

export interface SurveySet {
  readonly instrument: 'csat' | 'nps' | 'csi';
  /** Channels after whose contacts the survey is asked. */
  readonly channels: readonly string[];
  readonly questions: readonly SurveyQuestion[];
}

export interface KpiTargets {
  readonly csat: { readonly min: number };
  readonly nps: { readonly min: number };
  readonly csi: { readonly min: number };
  readonly fcr: { readonly min: number; readonly windowDays: number };
  /** channel → mean handling seconds not to exceed. */
  readonly ahtSeconds: Readonly<Record<string, number>>;
  readonly botContainment: { readonly min: number };
  /** channel → relative change in contacts against the baseline period (−0.05 = 5 % fewer). */
  readonly channelShift: Readonly<Record<string, number>>;
}

export type AbandonedRule = 'missed' | 'excluded' | 'met';
export const ABANDONED_RULES: readonly AbandonedRule[] = ['missed', 'excluded', 'met'];

/** How KPIs are measured and reported (DESIGN §7); every setting has a default. */
export interface MeasurementSettings {
  /** IANA zone whose calendar days, weeks and months the KPIs are reported in (default Europe/Amsterdam). */
  readonly timeZone?: string;
  /** Local dates (both included) whose contacts per day channel shift is measured against. */
  readonly baseline?: { readonly from: string; readonly to: string };
  /** How abandoned waits count in the service level (default missed). */
  readonly serviceLevelAbandoned?: AbandonedRule;
  /** Abandons within this many seconds are left out of the service level whatever the rule (default 5). */
  readonly shortAbandonSeconds?: number;
  /** Score (0–100) from which a measured need counts as met in the gap analysis (default 70). */
  readonly gapThreshold?: number;
}

export interface SafetySettings {
  readonly maxExclusionDays: number;
  readonly retentionDays: number;
  readonly defaultChannels: readonly string[];
}

/** How long personal data is kept; absent: journeys are kept until erased on request. */
export interface RetentionSettings {
  /** Days after a customer's last contact after which their journey (and all of them) is erased. */
  readonly journeyDays?: number;
}

export interface ServiceConcept {
  readonly name: string;
  readonly organisation: string;
  readonly layers: readonly Layer[];
  readonly channels: readonly Channel[];
  readonly needs: readonly Need[];
  /** channel → need → whether the channel meets the need, as declared. */
  readonly fit: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  readonly escalation: EscalationSettings;
  /** channel → service level; channels without one have no queue promise. */
  readonly serviceLevels: Readonly<Record<string, ServiceLevel>>;
  readonly surveys: readonly SurveySet[];
  readonly kpiTargets: KpiTargets;
  readonly safety: SafetySettings;
  readonly measurement?: MeasurementSettings;
  readonly retention?: RetentionSettings;
}

export const layerOf = (concept: Pick<ServiceConcept, 'channels'>, channelId: string): LayerId | undefined =>
  concept.channels.find((channel) => channel.id === channelId)?.layer;

export const compareLayers = (a: LayerId, b: LayerId): number => LAYER_ORDER.indexOf(a) - LAYER_ORDER.indexOf(b);

export const overflowTargetOf = (concept: Pick<ServiceConcept, 'serviceLevels'>, channelId: string): string | undefined =>
  concept.serviceLevels[channelId]?.overflowTo;

export const targetWaitSeconds = (concept: Pick<ServiceConcept, 'serviceLevels'>): Record<string, number> =>
  Object.fromEntries(Object.entries(concept.serviceLevels).map(([channel, level]) => [channel, level.targetWaitSeconds]));
