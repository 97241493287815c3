import type { EscalationRules, ServiceConcept } from '@regie/domain';

/** The service concept's escalation settings as the plain values the sagas take. */
export const escalationRulesFrom = (concept: ServiceConcept): EscalationRules => ({
  layerOf: Object.fromEntries(concept.channels.map((channel) => [channel.id, channel.layer])),
  bot: { channels: ['chatbot'], fallbacksPerContact: 2, sentimentThreshold: -0.5, escalateOnHandoff: true, target: 'live-chat' },
  taskFailure: { repeats: 2, windowHours: 24, offerChannel: 'live-chat' },
  video: { channel: 'video' },
  targetWaitSeconds: { 'live-chat': 60, phone: 30, video: 120, counter: 600 },
});

export const overflowTargetOf = (_concept: ServiceConcept, _channel: string): string | undefined => undefined;
