export * from './service-concept';
export * from './concept.events';
export * from './concept.commands';
export * from './concept.decider';
export * from './concept.rules';
export * from './surveys/validate-survey-answer';
export * from './surveys/survey-request';
