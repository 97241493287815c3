/**
 * Where the present comes from. Deciders never ask: time arrives in their commands. Handlers and
 * processes ask the clock they are given, so tests move time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
