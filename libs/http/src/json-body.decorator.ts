import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The parsed JSON body as it arrived, checked by the JSON limits but not mapped by the DTO pipe
 * nor held to its value budget: for handlers that validate large bodies themselves, in slices
 * (POST /v1/interactions takes 1,000 events).
 */
export const JsonBody = createParamDecorator((_data: unknown, context: ExecutionContext): unknown => {
  return context.switchToHttp().getRequest<Request>().body as unknown;
});
