import { targetWaitSeconds, type ServiceConcept } from '@regie/concept';
import { type EscalationRules } from '../../domain/escalation/escalation.rules';

/** The service concept's escalation settings as the plain values the sagas take. */
export const escalationRulesFrom = (concept: ServiceConcept): EscalationRules => ({
  layerOf: Object.fromEntries(concept.channels.map((channel) => [channel.id, channel.layer])),
  ...concept.escalation,
  targetWaitSeconds: targetWaitSeconds(concept),
});
