import { DeciderSpecification, SagaSpecification } from '@regie/eventsourcing/testing';
import { journeyDecider, type AccessDenied, type JourneyEvent } from '@regie/journey';
import { exclusionEnforcementSaga, type EnforcementInput } from './exclusion-enforcement.saga';

const base = {
  customerId: 'cust-1',
  contactId: 'web-1',
  channel: 'web',
  layer: 'self-service' as const,
  occurredAt: '2026-03-01T10:00:00.000Z',
};
const videoRequested: JourneyEvent = { type: 'VideoRequested', data: base };
const excluded = { video: ['phone', 'counter'], counter: ['phone'] };
const denial: AccessDenied['data'] = { ...base, deniedChannel: 'video', alternatives: ['phone'], denialKey: 'web-1:video' };

/** given(the channels closed to the customer).when(a recorded journey event).then(commands) */
const givenExcluded = SagaSpecification.for((event: JourneyEvent, closed: EnforcementInput['excluded']) =>
  exclusionEnforcementSaga({ event, excluded: closed, videoChannel: 'video' }),
);

describe('exclusion enforcement saga', () => {
  it('denies a video request while video is excluded, offering only open alternatives', () =>
    givenExcluded(excluded)
      .when(videoRequested)
      .then([{ type: 'DenyAccess', data: { denial } }]));

  it('denies a contact started on an excluded channel', () =>
    givenExcluded(excluded)
      .when({ type: 'ContactStarted', data: { ...base, channel: 'counter', layer: 'personal', contactId: 'desk-1' } })
      .then([
        {
          type: 'DenyAccess',
          data: { denial: expect.objectContaining({ deniedChannel: 'counter', alternatives: ['phone'], denialKey: 'desk-1:counter' }) },
        },
      ]));

  it('lets everything through when nothing is excluded', () => {
    givenExcluded({}).when(videoRequested).thenNothingHappens();
    givenExcluded(excluded).when({ type: 'ContactStarted', data: base }).thenNothingHappens();
  });

  it('ignores events that do not reach for a channel', () =>
    givenExcluded(excluded).when({ type: 'BotFallbackOccurred', data: base }).thenNothingHappens());
});

describe('journey decider: access denials', () => {
  const given = DeciderSpecification.for(journeyDecider);
  it('records a denial', () =>
    given([videoRequested])
      .when({ type: 'DenyAccess', data: { denial } })
      .then([{ type: 'AccessDenied', data: denial }]));
  it('records a denial once per contact and channel', () =>
    given([videoRequested, { type: 'AccessDenied', data: denial }])
      .when({ type: 'DenyAccess', data: { denial } })
      .thenNothingHappens());
});
