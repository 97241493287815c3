/** A read model built by folding events: the pure part of a projection. */
export interface ProjectionOf<Event, ReadModel> {
  initialState(): ReadModel;
  evolve(readModel: ReadModel, event: Event): ReadModel;
}

/**
 * given(events).then(readModel) for projections, in the shape of DeciderSpecification; or
 * given(events).when(query).then(answer) to check what a query over the read model answers.
 */
export const ProjectionSpecification = {
  for<Event, ReadModel>(projection: ProjectionOf<Event, ReadModel>) {
    return {
      given: (events: readonly Event[]) => {
        const readModel = (): ReadModel => events.reduce(projection.evolve, projection.initialState());
        return {
          then: (expected: ReadModel): void => {
            expect(readModel()).toEqual(expected);
          },
          when: <Answer>(query: (readModel: ReadModel) => Answer) => ({
            then: (expected: Answer): void => {
              expect(query(readModel())).toEqual(expected);
            },
          }),
        };
      },
    };
  },
};
