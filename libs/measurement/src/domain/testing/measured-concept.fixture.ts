import type { ConceptRevision, MeasuredConcept } from '../concept/measured-concept';

/** The example municipality of config/service-concept.yaml, with the measurement additions. */
export const exampleConcept: MeasuredConcept = {
  name: 'gemeente-voorbeeld',
  layers: [
    { id: 'self-service', label: 'Zelfbediening' },
    { id: 'assisted', label: 'Klantenservice' },
    { id: 'personal', label: 'Persoonlijke service' },
  ],
  channels: [
    { id: 'web', layer: 'self-service', label: 'Website' },
    { id: 'chatbot', layer: 'self-service', label: 'Digitale assistent' },
    { id: 'live-chat', layer: 'assisted', label: 'Chat' },
    { id: 'phone', layer: 'assisted', label: 'Telefoon' },
    { id: 'video', layer: 'personal', label: 'Beeldbellen' },
    { id: 'counter', layer: 'personal', label: 'Balie' },
  ],
  needs: [
    { id: 'personal-contact', label: 'Persoonlijk contact' },
    { id: 'own-pace', label: 'In mijn eigen tempo' },
  ],
  fit: {
    counter: { 'personal-contact': true, 'own-pace': false },
    video: { 'personal-contact': true, 'own-pace': true },
    web: { 'personal-contact': false, 'own-pace': true },
  },
  escalation: { bot: { channels: ['chatbot'] } },
  serviceLevels: {
    'live-chat': { targetWaitSeconds: 60, targetShare: 0.8, overflowTo: 'phone' },
    phone: { targetWaitSeconds: 30, targetShare: 0.8 },
    video: { targetWaitSeconds: 120, targetShare: 0.9 },
  },
  surveys: [
    {
      instrument: 'csat',
      channels: ['video'],
      questions: [
        { id: 'conversation', label: 'Het gesprek', min: 1, max: 10, need: 'personal-contact' },
        { id: 'channel', label: 'Beeldbellen als kanaal', min: 1, max: 10, need: 'own-pace' },
      ],
    },
    {
      instrument: 'nps',
      channels: ['web', 'chatbot', 'phone', 'video'],
      questions: [{ id: 'recommend', label: 'Aanbevelen', min: 0, max: 10 }],
    },
    {
      instrument: 'csi',
      channels: ['phone', 'video'],
      questions: [
        { id: 'reachability', label: 'Bereikbaarheid', min: 1, max: 10, weight: 0.3 },
        { id: 'expertise', label: 'Deskundigheid', min: 1, max: 10, weight: 0.7 },
      ],
    },
  ],
  kpiTargets: {
    csat: { min: 7 },
    nps: { min: 0 },
    csi: { min: 70 },
    fcr: { min: 0.7, windowDays: 7 },
    ahtSeconds: { phone: 300 },
    botContainment: { min: 0.6 },
    channelShift: { counter: -0.05 },
  },
  measurement: { timeZone: 'Europe/Amsterdam', baseline: { from: '2026-01-05', to: '2026-01-11' } },
};

export const revisionOf = (revision: number, at: string, concept: MeasuredConcept = exampleConcept): ConceptRevision => ({
  revision,
  at,
  concept,
});
