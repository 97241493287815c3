import { ProjectionSpecification } from './projection-specification';

interface Counted {
  readonly total: number;
  readonly seen?: Set<string>;
}

const counting = {
  initialState: (): Counted => ({ total: 0 }),
  evolve: (state: Counted, by: number): Counted => ({ total: state.total + by }),
};

describe('projection specification', () => {
  it('folds the given events into the read model', () => ProjectionSpecification.for(counting).given([1, 2, 3]).then({ total: 6 }));

  it('asserts a query over the read model', () =>
    ProjectionSpecification.for(counting)
      .given([1, 2])
      .thenQuery((state) => state.total * 10, 30));

  it('fails a read model that does not survive being saved as JSON', () => {
    const withSet = { ...counting, evolve: (state: Counted, by: number): Counted => ({ total: state.total + by, seen: new Set(['x']) }) };
    expect(() =>
      ProjectionSpecification.for(withSet)
        .given([1])
        .then({ total: 1, seen: new Set(['x']) }),
    ).toThrow();
  });

  it('fails a projection that forgets something on a restart', () => {
    let calls = 0;
    // Keeps something outside its state: after a restart it counts differently.
    const leaky = { ...counting, evolve: (state: Counted, by: number): Counted => ({ total: state.total + by * (++calls % 2 ? 1 : 2) }) };
    expect(() => ProjectionSpecification.for(leaky).given([1, 1, 1]).then({ total: 4 })).toThrow();
  });
});
