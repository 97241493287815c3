import type { LocalDate } from '../time/calendar';

/** Named counters; a counter never incremented is absent, which keeps a year of days small. */
export type Counters = Readonly<Record<string, number>>;

/** local day → channel → counters: the compact aggregate every KPI is summed from. */
export type Tally = Readonly<Record<LocalDate, Readonly<Record<string, Counters>>>>;

export const addToTally = (tally: Tally, day: LocalDate, channel: string, changes: Counters): Tally => {
  if (Object.values(changes).every((by) => by === 0)) return tally;
  const channels = tally[day] ?? {};
  const counters: Record<string, number> = { ...channels[channel] };
  for (const [name, by] of Object.entries(changes)) if (by !== 0) counters[name] = (counters[name] ?? 0) + by;
  return { ...tally, [day]: { ...channels, [channel]: counters } };
};

export const addCounters = (a: Counters, b: Counters): Counters => {
  const sum: Record<string, number> = { ...a };
  for (const [name, value] of Object.entries(b)) sum[name] = (sum[name] ?? 0) + value;
  return sum;
};

/** channel → counters summed over the given days. */
export const sumPerChannel = (tally: Tally, days: readonly LocalDate[]): Readonly<Record<string, Counters>> => {
  const sums: Record<string, Counters> = {};
  for (const day of days) for (const [channel, counters] of Object.entries(tally[day] ?? {})) sums[channel] = addCounters(sums[channel] ?? {}, counters);
  return sums;
};

export const sumChannels = (perChannel: Readonly<Record<string, Counters>>, channels?: readonly string[]): Counters =>
  Object.entries(perChannel)
    .filter(([channel]) => channels === undefined || channels.includes(channel))
    .reduce<Counters>((sum, [, counters]) => addCounters(sum, counters), {});

export const count = (counters: Counters | undefined, name: string): number => counters?.[name] ?? 0;
