import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { flattenValidationErrors, holdsMoreValuesThan } from '@regie/contracts';
import { limitProblem } from './body-parsing';
import { ProblemException } from './problem';

/**
 * Values (keys and items, nested ones included) a body, query or parameter mapped to a DTO class
 * may hold. class-transformer copies every one at ~10 µs before class-validator refuses anything,
 * so a 1 MB body of wide objects held the event loop for 150 ms; DTO bodies in Regie hold a few dozen.
 */
export const DTO_MAX_VALUES = 1_000;

/**
 * Values a body taken as plain JSON (`@Body() body: unknown`, e.g. a service concept revision:
 * the example holds about 200) may hold; the validators behind it cost about 3 µs a value.
 * Handlers that validate larger bodies themselves take them with {@link JsonBody}.
 */
export const UNTYPED_BODY_MAX_VALUES = 10_000;

/** Nest's ValidationPipe, with problem+json errors and a bound on what the mappers behind it are given. */
export class DtoValidationPipe extends ValidationPipe {
  constructor(
    private readonly dtoMaxValues = DTO_MAX_VALUES,
    private readonly untypedMaxValues = UNTYPED_BODY_MAX_VALUES,
  ) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => ProblemException.validation(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const mapped = metadata.metatype !== undefined && this.toValidate(metadata);
    const max = mapped ? this.dtoMaxValues : metadata.type === 'body' ? this.untypedMaxValues : undefined;
    if (max !== undefined && holdsMoreValuesThan(value, max)) {
      const where = metadata.type === 'body' ? 'the body' : `the ${metadata.type}`;
      throw limitProblem({
        path: '$',
        message: `${where} of this route holds at most ${max} values (keys and items, nested ones included)`,
        limit: 'values',
        max,
      });
    }
    return super.transform(value, metadata);
  }
}
