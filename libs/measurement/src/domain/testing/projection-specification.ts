interface PureProjection<State, Event> {
  initialState(): State;
  evolve(state: State, event: Event): State;
}

const fold = <State, Event>(projection: PureProjection<State, Event>, state: State, events: readonly Event[]): State =>
  events.reduce((current, event) => projection.evolve(current, event), state);

/** What the runner does on a restart: the saved state is JSON, and evolving resumes from it. */
const resumedAt = <State, Event>(projection: PureProjection<State, Event>, events: readonly Event[], at: number): State => {
  const saved = JSON.parse(JSON.stringify(fold(projection, projection.initialState(), events.slice(0, at)))) as State;
  return fold(projection, saved, events.slice(at));
};

/**
 * given(events).then(readModel) — the projection counterpart of DeciderSpecification. Every
 * assertion also checks the promises a durable projection makes: its state survives being saved
 * as JSON, and a restart from the state saved after any event gives the same read model.
 */
export const ProjectionSpecification = {
  for<State, Event>(projection: PureProjection<State, Event>) {
    return {
      given: (events: readonly Event[] = []) => {
        const run = (): State => {
          const state = fold(projection, projection.initialState(), events);
          const saved = JSON.stringify(state);
          expect(JSON.parse(saved)).toEqual(state);
          for (let at = 1; at < events.length; at++) {
            const resumed = resumedAt(projection, events, at);
            // Comparing the JSON first keeps long specs fast; toEqual only runs to show a difference.
            if (JSON.stringify(resumed) !== saved) expect(resumed).toEqual(state);
          }
          return state;
        };
        return {
          then: (expected: State): void => {
            expect(run()).toEqual(expected);
          },
          /** Only the parts named in `expected`; for read models with bookkeeping a spec does not care about. */
          thenMatches: (expected: Partial<State> | Record<string, unknown>): void => {
            expect(run()).toMatchObject(expected);
          },
          thenQuery: <Result>(query: (state: State) => Result, expected: Result): void => {
            expect(query(run())).toEqual(expected);
          },
        };
      },
    };
  },
};
