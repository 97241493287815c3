import type { Projection } from '@regie/event-store';
import { measurementProjections } from './measurement-projections';

/** The measurement projections must run in the store's projection runner as they are. */
describe('measurement projections', () => {
  const projections = measurementProjections('Europe/Amsterdam');

  it('fit the event store Projection interface', () => {
    // Compiling is the check: each must be assignable where the runner takes a Projection.
    const runnable = <State>(projection: Projection<State>): string => projection.name;
    const { contacts, containment, fcr, surveys, caseQueue } = projections;
    expect([runnable(contacts), runnable(containment), runnable(fcr), runnable(surveys), runnable(caseQueue)]).toHaveLength(5);
  });

  it('have distinct names carrying their time zone', () =>
    expect(Object.values(projections).map((projection) => projection.name)).toEqual([
      'kpi-contacts@Europe/Amsterdam',
      'kpi-containment@Europe/Amsterdam',
      'kpi-fcr@Europe/Amsterdam',
      'kpi-surveys@Europe/Amsterdam',
      'kpi-case-queue@Europe/Amsterdam',
    ]));
});
