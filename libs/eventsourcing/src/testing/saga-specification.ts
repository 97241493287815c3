import { fold, type Decider } from '../decider';

/** What a saga returned, checked the way decider specs check events. */
const expectations = <Command>(run: () => readonly Command[]) => ({
  then: (expected: readonly Command[]): void => {
    expect(run()).toEqual(expected);
  },
  /** Each command matches its partial counterpart (`toMatchObject`), and there are exactly as many. */
  thenMatches: (expected: readonly unknown[]): void => {
    expect(run()).toMatchObject(expected);
  },
  thenNothingHappens: (): void => {
    expect(run()).toEqual([]);
  },
});

/**
 * given/when/then for sagas (pure: a recorded event and what they know → commands), in the shape
 * of DeciderSpecification.
 */
export const SagaSpecification = {
  /** given(state).when(event).then(commands): the saga is told `state` beside the event (exclusions in force, rules). */
  for<Event, Command, State>(saga: (event: Event, state: State) => readonly Command[]) {
    return (state: State) => ({
      when: (event: Event) => expectations(() => saga(event, state)),
    });
  },

  /**
   * given(events).when(event).then(commands) for a saga that reads the event's own stream: it sees
   * the stream folded up to and including the event, as a processor does once the event is recorded.
   */
  forStream<Event, Command, State>(
    saga: (event: Event, state: State) => readonly Command[],
    stream: Pick<Decider<never, Event, State>, 'evolve' | 'initialState'>,
  ) {
    return (givenEvents: readonly Event[] = []) => ({
      when: (event: Event) => expectations(() => saga(event, fold(stream, [...givenEvents, event]))),
    });
  },
};
