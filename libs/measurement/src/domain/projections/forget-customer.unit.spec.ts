import { ended, handoffRequested, started } from '../testing/measured-events';
import { botContainmentProjection } from './bot-containment.projection';
import { fcrProjection } from './fcr.projection';
import type { MeasurementProjection, ProjectedEvent } from './projection';

const zone = 'Europe/Amsterdam';
const fold = <State>(projection: MeasurementProjection<State>, events: readonly ProjectedEvent[]): State =>
  events.reduce(projection.evolve, projection.initialState());

/** Erasure: the open windows kept per customer go; the counts already made, which name nobody, stay. */
describe.each([
  ['fcr', fcrProjection(zone)],
  ['bot containment', botContainmentProjection(zone)],
] as const)('%s forgets a customer', (_, projection: MeasurementProjection<unknown>) => {
  const events = ['cust-gone', 'cust-kept'].flatMap((customer) => [
    started('2026-03-02T09:00:00.000Z', { customer, contact: `${customer}-c1`, channel: 'chatbot', topic: `topic-of-${customer}` }),
    handoffRequested('2026-03-02T09:01:00.000Z', { customer, contact: `${customer}-c2`, channel: 'chatbot' }),
    ended('2026-03-02T09:05:00.000Z', { customer, contact: `${customer}-c1`, channel: 'chatbot' }),
  ]);

  it('drops every entry of the customer and keeps the others and the counts', () => {
    const state = fold(projection, events);
    expect(JSON.stringify(state)).toContain('cust-gone');
    const forgotten = projection.forgetCustomer!(state, 'cust-gone');
    expect(JSON.stringify(forgotten)).not.toContain('cust-gone');
    expect(JSON.stringify(forgotten)).toContain('cust-kept');
    expect((forgotten as { days: unknown }).days).toEqual((state as { days: unknown }).days);
  });

  it('changes nothing for a customer it does not know', () => {
    const state = fold(projection, events);
    expect(projection.forgetCustomer!(state, 'cust-unknown')).toEqual(state);
  });
});
