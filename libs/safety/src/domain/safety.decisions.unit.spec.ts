import { given, agentB, supervisingAgent, reported, dismiss, warn, dismissed, warned, registered } from './safety.test-fixtures';

describe('safety decider', () => {
  describe('dismissing and warning', () => {
    it('lets a supervisor dismiss an open report', () => given([reported()]).when(dismiss()).then([dismissed()]));
    it('lets a supervisor warn on an open report', () => given([reported()]).when(warn()).then([warned()]));
    it('refuses anyone but a supervisor', () => {
      given([reported()])
        .when(dismiss({ actor: agentB }))
        .thenRefuses('decider-must-be-supervisor');
      given([reported()])
        .when(warn({ actor: agentB }))
        .thenRefuses('decider-must-be-supervisor');
    });
    it('refuses the supervisor who made the report (four eyes)', () => {
      given([reported('rep-1', supervisingAgent.id)])
        .when(dismiss({ actor: supervisingAgent }))
        .thenRefuses('four-eyes');
      given([reported('rep-1', supervisingAgent.id)])
        .when(warn({ actor: supervisingAgent }))
        .thenRefuses('four-eyes');
    });
    it('refuses an unknown report', () => {
      given([]).when(dismiss()).thenRefuses('unknown-report');
      given([]).when(warn()).thenRefuses('unknown-report');
    });
    it('refuses a report that is no longer open', () => {
      given([reported(), dismissed()]).when(warn()).thenRefuses('report-not-open');
      given([reported(), warned()]).when(dismiss()).thenRefuses('report-not-open');
      given([reported(), registered()]).when(dismiss()).thenRefuses('report-not-open');
    });
    it('refuses a decision without a reason', () => {
      given([reported()])
        .when(dismiss({ reason: ' ' }))
        .thenRefuses('reason-required');
      given([reported()])
        .when(warn({ reason: '' }))
        .thenRefuses('reason-required');
    });
  });
});
