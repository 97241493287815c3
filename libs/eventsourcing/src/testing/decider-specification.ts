import type { Decider } from '../decider';

/** given(events).when(command).then(events) — the shape every decider spec reads in. */
export const DeciderSpecification = {
  for<Command, Event, State>(decider: Decider<Command, Event, State>) {
    return (givenEvents: readonly Event[] = []) => ({
      when: (command: Command) => {
        const run = (): readonly Event[] => decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: readonly Event[]): void => {
            expect(run()).toEqual(expected);
          },
          thenNothingHappens: (): void => {
            expect(run()).toEqual([]);
          },
          thenRefuses: (rule: string): void => {
            expect(run).toThrow(expect.objectContaining({ rule }));
          },
        };
      },
    });
  },
};
