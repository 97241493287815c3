/**
 * Wakes subscriptions when events are appended. `version` grows with every append so a
 * subscriber that read up to version v and then waits cannot miss an append that happened
 * in between.
 */
export class AppendNotifier {
  private currentVersion = 0;
  private readonly waiters = new Set<() => void>();

  get version(): number {
    return this.currentVersion;
  }

  notify(): void {
    this.currentVersion += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves on the next append after `sinceVersion`, on `timeoutMs`, or when `abort` fires. */
  waitForAppend(sinceVersion: number, timeoutMs: number, abort: AbortSignal): Promise<void> {
    if (this.currentVersion !== sinceVersion || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(finish);
        abort.removeEventListener('abort', finish);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.waiters.add(finish);
      abort.addEventListener('abort', finish, { once: true });
    });
  }
}
