import { SetMetadata } from '@nestjs/common';

export const ROLES = ['channel', 'agent', 'supervisor', 'manager', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'regie:roles';
export const PUBLIC_KEY = 'regie:public';

/** The roles of which the caller needs at least one. Every non-public route must say. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to anyone (health, metrics). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
