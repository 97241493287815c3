import type { Clock } from '../clock';

/** A clock that stands still until the test moves it: time passes in an instant, and only when asked. */
export class TestClock implements Clock {
  private at: number;

  constructor(start: Date = new Date()) {
    this.at = start.getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
