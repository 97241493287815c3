import { ProjectionSpecification } from './projection-specification';
import { SagaSpecification } from './saga-specification';

type Tally = { readonly type: 'Counted'; readonly data: { readonly by: number } };
const counted = (by: number): Tally => ({ type: 'Counted', data: { by } });
const total = { initialState: () => 0, evolve: (sum: number, event: Tally) => sum + event.data.by };

/** Asks for a reward when the total passes the threshold (with this event, not before). */
const rewardAbove = (threshold: number) => (event: Tally, sum: number) =>
  sum > threshold && sum - event.data.by <= threshold ? [{ type: 'Reward', data: { at: sum } }] : [];

describe('SagaSpecification', () => {
  describe('for a saga told its state', () => {
    /** Asks for a reward for a count above the threshold it is told. */
    const given = SagaSpecification.for((event: Tally, threshold: number) =>
      event.data.by > threshold ? [{ type: 'Reward', data: { at: event.data.by } }] : [],
    );

    it('passes when the commands are the expected ones, and fails when they are not', () => {
      given(2)
        .when(counted(3))
        .then([{ type: 'Reward', data: { at: 3 } }]);
      expect(() =>
        given(2)
          .when(counted(3))
          .then([{ type: 'Reward', data: { at: 4 } }]),
      ).toThrow();
      expect(() => given(2).when(counted(3)).thenNothingHappens()).toThrow();
    });

    it('checks that nothing happens', () => {
      given(5).when(counted(3)).thenNothingHappens();
      expect(() =>
        given(5)
          .when(counted(3))
          .then([{ type: 'Reward', data: { at: 3 } }]),
      ).toThrow();
    });
  });

  describe('for a saga over its stream', () => {
    const given = SagaSpecification.forStream(rewardAbove(10), total);

    it('folds the given events and the event itself into the state the saga sees', () => {
      given([counted(4), counted(4)])
        .when(counted(4))
        .then([{ type: 'Reward', data: { at: 12 } }]);
      given([counted(4)])
        .when(counted(4))
        .thenNothingHappens();
      given([counted(8), counted(4)])
        .when(counted(1))
        .thenNothingHappens();
    });

    it('matches partially, but not a different number of commands', () => {
      given([counted(11)])
        .when(counted(0))
        .thenNothingHappens();
      given([])
        .when(counted(11))
        .thenMatches([{ type: 'Reward' }]);
      expect(() =>
        given([])
          .when(counted(11))
          .thenMatches([{ type: 'Reward' }, { type: 'Reward' }]),
      ).toThrow();
      expect(() =>
        given([])
          .when(counted(11))
          .thenMatches([{ data: { at: 10 } }]),
      ).toThrow();
    });
  });
});

describe('ProjectionSpecification', () => {
  const given = ProjectionSpecification.for(total).given;

  it('folds the given events from the initial read model', () => {
    given([]).then(0);
    given([counted(2), counted(3)]).then(5);
    expect(() => given([counted(2), counted(3)]).then(6)).toThrow();
  });

  it('checks what a query over the read model answers', () => {
    given([counted(2), counted(3)])
      .when((sum) => sum % 2 === 1)
      .then(true);
    expect(() =>
      given([counted(2)])
        .when((sum) => sum % 2 === 1)
        .then(true),
    ).toThrow();
  });
});
