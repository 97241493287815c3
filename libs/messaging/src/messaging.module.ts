import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown, type Type } from '@nestjs/common';
import type { Interaction, Validated } from '@regie/contracts';
import { RegieMetrics } from '@regie/observability';
import { InProcessMessaging } from './adapters/in-process/in-process-messaging';
import { MESSAGING, type Messaging } from './messaging.port';

/** Provided by the application: checks a raw event against the contract and the concept in force. */
export const INTERACTION_VALIDATOR = Symbol('INTERACTION_VALIDATOR');
export type InteractionValidator = (raw: unknown) => Validated<Interaction>;

export type MessagingModuleOptions =
  | { readonly transport: 'in-process' }
  | {
      readonly transport: 'kafka';
      readonly brokers: readonly string[];
      readonly clientId: string;
      readonly groupId: string;
      readonly partitions?: number;
      readonly topicPrefix?: string;
    };

const create = async (options: MessagingModuleOptions, validate: InteractionValidator, metrics?: RegieMetrics): Promise<Messaging> => {
  if (options.transport === 'in-process') return new InProcessMessaging();
  // Loaded when chosen: kafkajs is not loaded by a process without Kafka.
  const { KafkaMessaging } = await import('./adapters/kafka/kafka-messaging');
  const logger = new Logger('kafka');
  const kafka = new KafkaMessaging({
    ...options,
    validate,
    onLog: (message) => logger.warn(message),
    ...(metrics && { observer: metrics }),
  });
  await kafka.connect();
  return kafka;
};

@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(MESSAGING) private readonly messaging: Messaging) {}

  /** `validator` provides INTERACTION_VALIDATOR, with which consumed interactions are checked; RegieMetrics, when imported, counts them. */
  static forRoot(options: MessagingModuleOptions, validator: readonly (Type | DynamicModule)[]): DynamicModule {
    return {
      module: MessagingModule,
      imports: [...validator],
      providers: [
        {
          provide: MESSAGING,
          useFactory: (validate: InteractionValidator, metrics?: RegieMetrics) => create(options, validate, metrics),
          inject: [INTERACTION_VALIDATOR, { token: RegieMetrics, optional: true }],
        },
      ],
      exports: [MESSAGING],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.messaging.close();
  }
}
