import { Logger } from '@nestjs/common';
import type { LeaderElection } from '@regie/messaging';
import { Leadership, type SingleWriter } from './leadership';

/** The election port in memory: the test says when this instance leads. */
class FakeElection implements LeaderElection {
  joined = 0;
  left = false;
  private onChange?: (leading: boolean) => void;

  async followLeadership(onChange: (leading: boolean) => void): Promise<() => Promise<void>> {
    this.joined += 1;
    this.onChange = onChange;
    return async () => {
      this.left = true;
    };
  }

  elect(leading: boolean): void {
    this.onChange?.(leading);
  }
}

/** What the writers did, in order; `reaches(n)` resolves once n things have happened. */
class Log {
  readonly entries: string[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  push(entry: string): void {
    this.entries.push(entry);
    for (const waiter of this.waiters.filter(({ count }) => this.entries.length >= count)) waiter.resolve();
  }

  reaches(count: number): Promise<string[]> {
    if (this.entries.length >= count) return Promise.resolve(this.entries);
    return new Promise((resolve) => this.waiters.push({ count, resolve: () => resolve(this.entries) }));
  }
}

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe('Leadership', () => {
  let election: FakeElection;
  let leadership: Leadership;
  let log: Log;
  let errors: jest.SpyInstance;
  const writer = (name: string, starting: () => Promise<void> = async () => undefined): SingleWriter => ({
    name,
    start: async () => {
      log.push(`start ${name}`);
      await starting();
      return { stop: () => log.push(`stop ${name}`) };
    },
  });

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    election = new FakeElection();
    leadership = new Leadership(election);
    log = new Log();
  });
  afterEach(() => jest.restoreAllMocks());

  it('joins the election once, on the first writer, and starts nothing while it does not lead', async () => {
    await leadership.whileLeading(writer('escalation'));
    await leadership.whileLeading(writer('dispatcher'));
    expect(election.joined).toBe(1);
    expect(leadership.isLeading()).toBe(false);
    expect(log.entries).toEqual([]);
  });

  it('starts every writer when it comes to lead, in the order they were registered', async () => {
    await leadership.whileLeading(writer('escalation'));
    await leadership.whileLeading(writer('dispatcher'));
    election.elect(true);
    expect(leadership.isLeading()).toBe(true);
    expect(await log.reaches(2)).toEqual(['start escalation', 'start dispatcher']);
  });

  it('starts a writer registered while leading at once', async () => {
    await leadership.whileLeading(writer('escalation'));
    election.elect(true);
    await leadership.whileLeading(writer('dispatcher'));
    expect(log.entries).toEqual(['start escalation', 'start dispatcher']);
  });

  it('stops the writers when it loses the lead, and starts them again when it leads again', async () => {
    await leadership.whileLeading(writer('escalation'));
    await leadership.whileLeading(writer('dispatcher'));
    election.elect(true);
    election.elect(false);
    expect(leadership.isLeading()).toBe(false);
    election.elect(true);
    expect(await log.reaches(6)).toEqual([
      'start escalation',
      'start dispatcher',
      'stop escalation',
      'stop dispatcher',
      'start escalation',
      'start dispatcher',
    ]);
  });

  it('takes a repeated notice of the same thing as one', async () => {
    await leadership.whileLeading(writer('escalation'));
    election.elect(true);
    election.elect(true);
    election.elect(false);
    election.elect(false);
    election.elect(true);
    expect(await log.reaches(3)).toEqual(['start escalation', 'stop escalation', 'start escalation']);
    await leadership.onApplicationShutdown();
    expect(log.entries).toEqual(['start escalation', 'stop escalation', 'start escalation', 'stop escalation']);
  });

  it('applies transitions one at a time: a writer that loses the lead while starting is stopped once it has started', async () => {
    const slow = deferred();
    await leadership.whileLeading(writer('escalation', () => slow.promise));
    election.elect(true);
    await log.reaches(1);
    election.elect(false);
    slow.resolve();
    expect(await log.reaches(2)).toEqual(['start escalation', 'stop escalation']);
  });

  it('starts nothing whose turn comes after the lead is lost', async () => {
    const slow = deferred();
    await leadership.whileLeading(writer('escalation', () => slow.promise));
    await leadership.whileLeading(writer('dispatcher'));
    election.elect(true);
    await log.reaches(1);
    election.elect(false);
    slow.resolve();
    await leadership.onApplicationShutdown();
    expect(log.entries).toEqual(['start escalation', 'stop escalation']);
  });

  it('starts nothing at all when the lead is lost before the first start ran', async () => {
    await leadership.whileLeading(writer('escalation'));
    election.elect(true);
    election.elect(false);
    await leadership.onApplicationShutdown();
    expect(log.entries).toEqual([]);
  });

  it('on shutdown leaves the election and stops the running writers', async () => {
    await leadership.whileLeading(writer('escalation'));
    await leadership.whileLeading(writer('dispatcher'));
    election.elect(true);
    await log.reaches(2);
    await leadership.onApplicationShutdown();
    expect(election.left).toBe(true);
    expect(leadership.isLeading()).toBe(false);
    expect(log.entries).toEqual(['start escalation', 'start dispatcher', 'stop escalation', 'stop dispatcher']);
  });

  it('carries on with the other writers when one fails to start, and says so', async () => {
    await leadership.whileLeading(writer('escalation'));
    await leadership.whileLeading(
      writer('decisions', async () => {
        throw new Error('no checkpoint store');
      }),
    );
    await leadership.whileLeading(writer('dispatcher'));
    election.elect(true);
    await log.reaches(3);
    election.elect(false);
    expect(await log.reaches(5)).toEqual(['start escalation', 'start decisions', 'start dispatcher', 'stop escalation', 'stop dispatcher']);
    // By class and frames, never by message (messages can name a customer's stream).
    expect(errors).toHaveBeenCalledWith('leadership transition failed: Error', expect.stringMatching(/^\s+at /));
    expect(JSON.stringify(errors.mock.calls)).not.toContain('no checkpoint store');
  });
});
