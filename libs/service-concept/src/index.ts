// TEMPORARY stand-in until the service-concept work lands (it replaces this file).
import type { ServiceConcept } from '@regie/domain';
export const loadServiceConceptFile = (_path: string): ServiceConcept => ({
  name: 'temporary',
  channels: [
    { id: 'web', layer: 'self-service', label: 'Website' },
    { id: 'app', layer: 'self-service', label: 'App' },
    { id: 'chatbot', layer: 'self-service', label: 'Chatbot' },
    { id: 'live-chat', layer: 'assisted', label: 'Live chat' },
    { id: 'phone', layer: 'assisted', label: 'Phone' },
    { id: 'video', layer: 'personal', label: 'Video call' },
    { id: 'counter', layer: 'personal', label: 'Counter' },
  ],
});
