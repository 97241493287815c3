export * from './messaging.port';
export { InProcessMessaging, NoConsumerError } from './adapters/in-process/in-process-messaging';
export * from './messaging.module';
// KafkaMessaging is not exported here: MessagingModule loads it when chosen, so that kafkajs loads only then.
export type { KafkaMessagingOptions, ConsumptionObserver } from './adapters/kafka/kafka-messaging';
export { TOPICS, HEADERS, topicNames } from './adapters/kafka/kafka-topics';
