import { failureOf, stackFramesOf } from '../failure';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { MESSAGING, type LeaderElection } from '@regie/messaging';

/** A process that must run in one instance at a time; `start` returns how to stop it. */
export interface SingleWriter {
  readonly name: string;
  start(): Promise<{ stop(): Promise<void> | void }>;
}

interface Registered {
  readonly writer: SingleWriter;
  running?: { stop(): Promise<void> | void };
}

/**
 * Runs the single-writer processes (escalation, dispatch, decisions, timekeeping) only while
 * this instance leads. Transitions are applied one at a time, in order.
 */
@Injectable()
export class Leadership implements OnApplicationShutdown {
  private readonly logger = new Logger('leadership');
  private readonly writers: Registered[] = [];
  private leading = false;
  private transitions: Promise<void> = Promise.resolve();
  private leave?: Promise<() => Promise<void>>;

  constructor(@Inject(MESSAGING) private readonly election: LeaderElection) {}

  /** Runs `writer` whenever this instance leads; joins the election on first use. */
  async whileLeading(writer: SingleWriter): Promise<void> {
    const registered: Registered = { writer };
    this.writers.push(registered);
    this.leave ??= this.election.followLeadership((leading) => this.become(leading));
    await this.leave;
    if (this.leading) this.enqueue(() => this.start(registered));
    await this.transitions;
  }

  isLeading(): boolean {
    return this.leading;
  }

  async onApplicationShutdown(): Promise<void> {
    const leave = await this.leave;
    await leave?.();
    this.become(false);
    await this.transitions;
  }

  private become(leading: boolean): void {
    if (leading === this.leading) return;
    this.leading = leading;
    this.logger.log(leading ? 'leading: starting the single-writer processes' : 'not leading: stopping the single-writer processes');
    for (const registered of this.writers) this.enqueue(() => (leading ? this.start(registered) : this.stop(registered)));
  }

  private enqueue(step: () => Promise<void>): void {
    this.transitions = this.transitions
      .then(step)
      .catch((error: unknown) => this.logger.error(`leadership transition failed: ${failureOf(error)}`, stackFramesOf(error)));
  }

  private async start(registered: Registered): Promise<void> {
    if (registered.running || !this.leading) return;
    registered.running = await registered.writer.start();
  }

  private async stop(registered: Registered): Promise<void> {
    const running = registered.running;
    registered.running = undefined;
    await running?.stop();
  }
}
