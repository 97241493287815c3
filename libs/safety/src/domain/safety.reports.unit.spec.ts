import { safetyDecider } from './safety.decider';
import { given, supervisor, report, reported } from './safety.test-fixtures';

describe('safety decider', () => {
  describe('reporting aggression', () => {
    it('records a report by an agent', () => given([]).when(report()).then([reported()]));
    it('keeps the description trimmed', () =>
      given([])
        .when(report({ description: '  The customer threatened to come to the office.  ' }))
        .then([reported()]));
    it('records nothing when the same report comes again', () => given([reported()]).when(report()).thenNothingHappens());
    it('refuses a reporter who is not an agent', () =>
      given([])
        .when(report({ actor: supervisor }))
        .thenRefuses('reporter-must-be-agent'));
    it('refuses an empty description', () => {
      given([])
        .when(report({ description: '' }))
        .thenRefuses('description-length');
      given([])
        .when(report({ description: '   ' }))
        .thenRefuses('description-length');
    });
    it('takes 500 characters but not 501', () => {
      given([])
        .when(report({ description: 'x'.repeat(500) }))
        .then([{ ...reported(), data: { ...reported().data, description: 'x'.repeat(500) } }]);
      given([])
        .when(report({ description: 'x'.repeat(501) }))
        .thenRefuses('description-length');
    });
    it('refuses an unknown category', () =>
      given([])
        .when(report({ category: 'rude' }))
        .thenRefuses('unknown-category'));
    it('takes every known category', () => {
      for (const category of ['verbal', 'threat', 'physical', 'discrimination', 'sexual', 'other']) {
        expect(safetyDecider.decide(report({ category }), safetyDecider.initialState())).toHaveLength(1);
      }
    });
    it('refuses a report without a contact', () =>
      given([])
        .when(report({ contactId: ' ' }))
        .thenRefuses('contact-required'));
    it('refuses a report without a channel', () =>
      given([])
        .when(report({ channel: '' }))
        .thenRefuses('channel-required'));
    it('refuses a report about another customer on this stream', () =>
      given([reported()])
        .when(report({ reportId: 'rep-2', customerId: 'cust-2' }))
        .thenRefuses('customer-mismatch'));
    it('refuses a time that is not one', () =>
      given([])
        .when(report({ now: 'yesterday' }))
        .thenRefuses('invalid-time'));
  });
});
