import type { EscalationSettings, LayerId } from '@regie/concept';

/** The part of the service concept the escalation saga needs, already resolved to plain values. */
export interface EscalationRules extends EscalationSettings {
  readonly layerOf: Readonly<Record<string, LayerId>>;
  /** channel → seconds a case may wait there before its service level is breached. */
  readonly targetWaitSeconds: Readonly<Record<string, number>>;
}
