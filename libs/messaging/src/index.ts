export * from './messaging.port';
export { InProcessMessaging, NoConsumerError } from './adapters/in-process/in-process-messaging';
export * from './messaging.module';
export {
  KafkaMessaging,
  createTopicsWithLeaders,
  type KafkaMessagingOptions,
  type ConsumptionObserver,
} from './adapters/kafka/kafka-messaging';
export { TOPICS, HEADERS, topicNames } from './adapters/kafka/kafka-topics';
