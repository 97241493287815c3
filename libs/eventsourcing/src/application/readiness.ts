import { Injectable, Module, type DynamicModule } from '@nestjs/common';

export interface ReadinessStatus {
  readonly ready: boolean;
  /** The read models that have not yet caught up with the store since this process started. */
  readonly catchingUp: readonly string[];
  /** Each read model's position when it last caught up. */
  readonly positions: Readonly<Record<string, number>>;
}

/**
 * Whether the read models this process answers from have caught up with the store since it started: what a
 * load balancer waits for before it sends readers here (`/health/ready`). Each read model says it is expected
 * when it is made (before the app listens), and reports each time its subscription reaches the head.
 */
@Injectable()
export class Readiness {
  private readonly positions = new Map<string, number | undefined>();
  /** whenReady's callers, until every read model expected has caught up. */
  private waiting: (() => void)[] = [];

  /** A read model that answers queries; call what it gives back each time it has caught up. */
  expect(name: string): (position: number) => void {
    if (!this.positions.has(name)) this.positions.set(name, undefined);
    return (position) => {
      this.positions.set(name, Math.max(position, this.positions.get(name) ?? 0));
      if (this.waiting.length > 0 && this.status().ready) {
        const waiting = this.waiting;
        this.waiting = [];
        for (const resolve of waiting) resolve();
      }
    };
  }

  /** Resolves once every read model expected has caught up since this process started (at once if they have). */
  whenReady(): Promise<void> {
    if (this.status().ready) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  status(): ReadinessStatus {
    const entries = [...this.positions];
    const catchingUp = entries.filter(([, position]) => position === undefined).map(([name]) => name);
    const positions = Object.fromEntries(entries.filter((entry): entry is [string, number] => entry[1] !== undefined));
    return { ready: catchingUp.length === 0, catchingUp, positions };
  }
}

/** One registry per process, like the customer-data holders: the read models and /health/ready share it. */
@Module({})
export class ReadinessModule {
  static forRoot(): DynamicModule {
    return { module: ReadinessModule, providers: [Readiness], exports: [Readiness] };
  }
}
