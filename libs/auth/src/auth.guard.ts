import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CallerIdentifier } from './caller';
import { PUBLIC_KEY, ROLES_KEY, type Role } from './roles';

/**
 * Global guard, deny by default: a route is open only when marked @Public, and otherwise needs
 * a valid bearer token holding one of the roles its @Roles names (no @Roles means nobody).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerIdentifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const caller = await this.callers.identify(context.switchToHttp().getRequest());
    if ('refused' in caller) throw new UnauthorizedException(caller.refused);
    const required = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!required.some((role) => caller.principal.roles.includes(role))) {
      throw new ForbiddenException(
        required.length === 0 ? 'this route is not open to any role' : `this route needs one of the roles: ${required.join(', ')}`,
      );
    }
    return true;
  }
}
