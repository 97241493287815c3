import { DeciderSpecification } from '@regie/eventsourcing/testing';
import { auditOf, erasureDecider, type ErasureState } from './erasure.decider';
import type { ErasureEvent } from './erasure.events';
import { lastContactAfter, retentionCutoff } from './journey-retention';

const given = DeciderSpecification.for(erasureDecider);
const at = '2026-03-02T10:00:00.000Z';
const later = '2026-03-02T10:00:05.000Z';
const request = {
  type: 'RequestErasure' as const,
  data: { erasureId: 'e-1', customerId: 'cust-1', reason: 'request' as const, actor: 'sup-1', now: at },
};
const requested: ErasureEvent = {
  type: 'ErasureRequested',
  data: { erasureId: 'e-1', customerId: 'cust-1', reason: 'request', actor: 'sup-1', at },
};
const confirm = { type: 'ConfirmErasure' as const, data: { actor: 'sup-1', now: later } };
const erased: ErasureEvent = { type: 'CustomerDataErased', data: { erasureId: 'e-1', actor: 'sup-1', at: later } };

describe('erasure decider', () => {
  it('records a request naming who asked and when', () => given([]).when(request).then([requested]));
  it('records a repeated request once', () => given([requested]).when(request).thenNothingHappens());
  it('confirms a pending erasure once the data is gone', () => given([requested]).when(confirm).then([erased]));
  it('confirms once', () => given([requested, erased]).when(confirm).thenNothingHappens());
  it('refuses to confirm an erasure nobody asked for', () => given([]).when(confirm).thenRefuses('unknown-erasure'));
  it('refuses a time that is not one', () =>
    given([])
      .when({ ...request, data: { ...request.data, now: 'now' } })
      .thenRefuses('invalid-time'));

  it('audits who asked and when, never whom it was about', () => {
    const state = [requested, erased].reduce(erasureDecider.evolve, erasureDecider.initialState()) as Extract<
      ErasureState,
      { status: 'completed' }
    >;
    const audit = auditOf(state, 'sup-1');
    expect(audit).toEqual({
      type: 'CustomerErased',
      data: { erasureId: 'e-1', reason: 'request', requestedBy: 'sup-1', requestedAt: at, erasedAt: later, actor: 'sup-1', at: later },
    });
    expect(JSON.stringify(audit)).not.toContain('cust-1');
  });
});

describe('journey retention', () => {
  const day = 86_400_000;
  it('keeps the latest contact, ignoring times that are not ones', () => {
    expect(lastContactAfter(undefined, at)).toBe(Date.parse(at));
    expect(lastContactAfter(Date.parse(later), at)).toBe(Date.parse(later));
    expect(lastContactAfter(Date.parse(at), 'yesterday')).toBe(Date.parse(at));
    expect(lastContactAfter(undefined, undefined)).toBeUndefined();
  });
  it('passes journeyDays after the last contact, and never without the setting', () => {
    const last = Date.parse(at);
    // Passed for a last contact at or before the cutoff.
    expect(last <= retentionCutoff(last + 730 * day - 1, 730)!).toBe(false);
    expect(last <= retentionCutoff(last + 730 * day, 730)!).toBe(true);
    expect(retentionCutoff(last + 10_000 * day, undefined)).toBeUndefined();
  });
});
