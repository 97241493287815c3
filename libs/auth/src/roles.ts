import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ProblemResponses, PUBLIC_EXTENSION, ROLES_EXTENSION } from '@regie/http';

export const ROLES = ['channel', 'agent', 'supervisor', 'manager', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'regie:roles';
export const PUBLIC_KEY = 'regie:public';

/** Who may call a route is documented by the same decorators the guard reads, so docs and access cannot drift. */
export { PUBLIC_EXTENSION, ROLES_EXTENSION };

/**
 * The roles of which the caller needs at least one. Every non-public route must say. Also documents the route
 * (bearer auth, the roles, 401/403/429 as problem+json).
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth(), ApiExtension(ROLES_EXTENSION, roles), ProblemResponses(401, 403, 429));

/** Open to anyone (health, metrics); documented as such. Rate limiting still counts the caller (429). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true), ProblemResponses(429));

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
