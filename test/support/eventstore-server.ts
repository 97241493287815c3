import { existsSync } from 'node:fs';

export interface EventStoreServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Why the EventStoreDB suite cannot run here, decided before the suite is declared (jest needs
 * it synchronously): undefined when EVENTSTORE_URL is set or a Docker engine's socket is present.
 */
export const eventStoreSkipReason = (): string | undefined => {
  if (process.env.EVENTSTORE_URL) return undefined;
  const dockerHost = process.env.DOCKER_HOST;
  if (dockerHost || existsSync('/var/run/docker.sock')) return undefined;
  return 'no EventStoreDB: EVENTSTORE_URL is unset and no Docker engine answers (testcontainers needs one)';
};

/** EVENTSTORE_URL, else an insecure single node in testcontainers (official image). */
export const startEventStoreServer = async (): Promise<EventStoreServer> => {
  if (process.env.EVENTSTORE_URL) return { url: process.env.EVENTSTORE_URL, stop: async () => undefined };
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('eventstore/eventstore:24.10')
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .start();
  return {
    url: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    stop: async () => void (await container.stop()),
  };
};
