import type { LayerId } from '../concept';

/** The part of the service concept the escalation saga needs, already resolved to plain values. */
export interface EscalationRules {
  readonly layerOf: Readonly<Record<string, LayerId>>;
  readonly bot: {
    /** Channels where a bot answers (e.g. chatbot); their fallbacks count. */
    readonly channels: readonly string[];
    readonly fallbacksPerContact: number;
    readonly sentimentThreshold: number;
    readonly escalateOnHandoff: boolean;
    readonly target: string;
  };
  readonly taskFailure: { readonly repeats: number; readonly windowHours: number; readonly offerChannel: string };
  readonly video: { readonly channel: string };
  /** channel → seconds a case may wait there before its service level is breached. */
  readonly targetWaitSeconds: Readonly<Record<string, number>>;
}
