export * from './domain';
export * from './application/board/case-board';
export * from './application/board/case-board.module';
export * from './application/cases.module';
export * from './application/decisions/decisions.module';
export * from './application/dispatch/dispatch.module';
export * from './application/escalation/escalation-processing.module';
export { DECISION_SOURCE, DECISION_TYPES, toDecision, type DecisionType } from './application/decisions/to-decision';
