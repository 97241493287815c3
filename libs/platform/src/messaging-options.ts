import type { MessagingModuleOptions } from '@regie/messaging';
import type { RegieConfig } from './regie.config';

export const messagingOptionsFrom = (config: RegieConfig): MessagingModuleOptions =>
  config.REGIE_TRANSPORT === 'kafka'
    ? {
        transport: 'kafka',
        brokers: (config.KAFKA_BROKERS ?? '')
          .split(',')
          .map((broker) => broker.trim())
          .filter(Boolean),
        clientId: config.KAFKA_CLIENT_ID,
        groupId: config.KAFKA_GROUP_ID,
        partitions: config.KAFKA_PARTITIONS,
        ...(config.KAFKA_TOPIC_PREFIX && { topicPrefix: config.KAFKA_TOPIC_PREFIX }),
      }
    : { transport: 'in-process' };
