import { targetWaitSeconds, type ServiceConcept } from '@regie/concept';
import { type EscalationRules } from '../../domain/escalation/escalation.rules';

/** Made once per concept revision in force (a concept object is never changed, only replaced), not once per event. */
const made = new WeakMap<ServiceConcept, EscalationRules>();

/** The service concept's escalation settings as the plain values the sagas take. */
export const escalationRulesFrom = (concept: ServiceConcept): EscalationRules => {
  let rules = made.get(concept);
  if (!rules) {
    rules = {
      layerOf: Object.fromEntries(concept.channels.map((channel) => [channel.id, channel.layer])),
      ...concept.escalation,
      targetWaitSeconds: targetWaitSeconds(concept),
    };
    made.set(concept, rules);
  }
  return rules;
};
