import { Client, type ClientConfig } from 'pg';

/**
 * Holds one connection that LISTENs for appends and wakes the subscriptions. It reconnects with
 * a growing delay when the connection drops, and wakes them once more after each (re)connect, as
 * notifications sent meanwhile are lost; the subscriptions' polling covers the time in between.
 */
export class NotificationListener {
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private delayMs = 100;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    if (this.closed) return;
    const client = new Client(this.config);
    client.on('notification', () => this.onNotify());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.closed) return void (await client.end().catch(() => undefined));
      this.client = client;
      this.delayMs = 100;
      this.onNotify();
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (error !== undefined && !this.closed) this.onError(error);
    if (this.client === client) this.client = undefined;
    void client.end().catch(() => undefined);
    if (this.closed || this.client || this.timer) return;
    this.timer = setTimeout(() => void this.connect(), this.delayMs);
    this.timer.unref();
    this.delayMs = Math.min(this.delayMs * 2, 10_000);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
