import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AuthenticatedRequest } from './principal';
import { PUBLIC_KEY, ROLES_KEY, type Role } from './roles';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/**
 * Global guard, deny by default: a route is open only when marked @Public, and otherwise needs
 * a valid bearer token holding one of the roles its @Roles names (no @Roles means nobody).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <JWT>)');
    }
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }
    const required = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!required.some((role) => request.principal?.roles.includes(role))) {
      throw new ForbiddenException(
        required.length === 0 ? 'this route is not open to any role' : `this route needs one of the roles: ${required.join(', ')}`,
      );
    }
    return true;
  }
}
