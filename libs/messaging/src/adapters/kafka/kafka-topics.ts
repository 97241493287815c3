export const TOPICS = {
  interactions: 'channel.interactions',
  deadLetters: 'channel.interactions.dlq',
  decisions: 'orchestration.decisions',
  /** One partition: whichever orchestrator the group assigns it to leads. Carries no messages. */
  leadership: 'regie.leadership',
} as const;

/** Headers Regie adds: who sent a message through the gateway, and why a message was dead-lettered. */
export const HEADERS = {
  actor: 'ce_regieactor',
  dlqReason: 'regie-dlq-reason',
  dlqSource: 'regie-dlq-source',
} as const;

export type TopicNames = { readonly [K in keyof typeof TOPICS]: string };

/** Topic names with an optional prefix (tests use a fresh prefix so runs never see each other's messages). */
export const topicNames = (prefix = ''): TopicNames => ({
  interactions: `${prefix}${TOPICS.interactions}`,
  deadLetters: `${prefix}${TOPICS.deadLetters}`,
  decisions: `${prefix}${TOPICS.decisions}`,
  leadership: `${prefix}${TOPICS.leadership}`,
});
