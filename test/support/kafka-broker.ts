import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Socket } from 'node:net';

export interface BrokerUnderTest {
  readonly brokers: string[];
  readonly how: string;
  /** Stops the broker if this process started it. */
  stop(): Promise<void>;
  /** Stops and starts the broker (only for the local broker this machine runs). */
  restart?: () => Promise<void>;
}

const repo = join(__dirname, '..', '..');
const localScript = join(repo, 'deploy', 'local', 'kafka.sh');

/** Whether something accepts TCP connections at host:port. */
export const reachable = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
    socket.connect(port, host);
  });

const dockerAnswers = async (): Promise<boolean> => {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
};

/**
 * A real Kafka broker for the tests, found in this order: KAFKA_BROKERS; testcontainers when a
 * Docker engine answers; the local broker fetched from Maven Central (deploy/local/kafka.sh).
 */
const localIsRunning = (): boolean => {
  try {
    execFileSync('bash', [localScript, 'status'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const restartLocal = async (): Promise<void> => {
  execFileSync('bash', [localScript, 'stop'], { stdio: 'inherit' });
  execFileSync('bash', [localScript, 'start'], { stdio: 'inherit' });
};

export const findBroker = async (): Promise<BrokerUnderTest> => {
  if (process.env.KAFKA_BROKERS) {
    const brokers = process.env.KAFKA_BROKERS.split(',');
    // The local broker's script reads KAFKA_PORT and REGIE_KAFKA_HOME from the environment too, so it can restart it.
    const localAddress = `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;
    const local = brokers.length === 1 && brokers[0] === localAddress && existsSync(localScript) && localIsRunning();
    return {
      brokers,
      how: `KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`,
      stop: async () => undefined,
      ...(local && { restart: restartLocal }),
    };
  }
  if (await dockerAnswers()) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
    return {
      brokers: [`${container.getHost()}:${container.getMappedPort(9093)}`],
      how: 'testcontainers',
      stop: async () => void (await container.stop()),
    };
  }
  if (existsSync(localScript)) {
    const wasUp = await reachable('127.0.0.1', 9092);
    if (!wasUp) execFileSync('bash', [localScript, 'start'], { stdio: 'inherit' });
    return {
      brokers: ['127.0.0.1:9092'],
      how: 'local broker (deploy/local/kafka.sh)',
      restart: restartLocal,
      stop: async () => {
        if (!wasUp) execFileSync('bash', [localScript, 'stop'], { stdio: 'inherit' });
      },
    };
  }
  throw new Error('no Kafka broker: set KAFKA_BROKERS, run a Docker engine, or keep deploy/local/kafka.sh');
};
