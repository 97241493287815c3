import { HttpStatus } from '@nestjs/common';
import { DomainRuleViolation } from '@regie/domain';
import { ProblemException } from '@regie/http';

/** How each refused rule answers over HTTP: 403 when it is about who you are, 409 when about the state, else 422. */
const STATUS_BY_RULE: Readonly<Record<string, number>> = {
  'not-your-case': HttpStatus.FORBIDDEN,
  'case-not-queued': HttpStatus.CONFLICT,
  'case-not-assigned': HttpStatus.CONFLICT,
  'capacity-full': HttpStatus.CONFLICT,
  'agent-not-available': HttpStatus.CONFLICT,
  'channel-not-served': HttpStatus.FORBIDDEN,
  'concept-revised-meanwhile': HttpStatus.PRECONDITION_FAILED,
  'concept-name-fixed': HttpStatus.CONFLICT,
  'reporter-must-be-agent': HttpStatus.FORBIDDEN,
  'decider-must-be-supervisor': HttpStatus.FORBIDDEN,
  'four-eyes': HttpStatus.FORBIDDEN,
  'report-not-open': HttpStatus.CONFLICT,
  'exclusion-not-in-force': HttpStatus.CONFLICT,
};

/** Runs `work`, turning a refused domain rule into a problem+json response that names the rule. */
export const answeringRules = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainRuleViolation) {
      throw ProblemException.ruleViolated(error.rule, error.message, STATUS_BY_RULE[error.rule] ?? HttpStatus.UNPROCESSABLE_ENTITY);
    }
    throw error;
  }
};
