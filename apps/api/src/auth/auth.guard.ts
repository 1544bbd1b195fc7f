import {
  applyDecorators, CanActivate, createParamDecorator, ExecutionContext, ForbiddenException, Injectable,
  SetMetadata, UnauthorizedException, UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@ecampus/contracts';
import { UsersService } from '../users/users.service';
import type { AuthedRequest } from './session';

const ROLES = 'ecampus:roles';

/** Loads the signed-in user on every request (so role changes and deactivation apply at once). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly users: UsersService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const userId = req.session?.userId;
    const user = userId ? await this.users.findActive(userId) : null;
    if (!user) throw new UnauthorizedException('Sign in first.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (roles?.length && !roles.includes(user.role)) {
      throw new ForbiddenException('Your account does not have the right to do this.');
    }
    req.user = user;
    return true;
  }
}

/** Requires a signed-in user, and one of `roles` when given. */
export function Auth(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES, roles),
    UseGuards(AuthGuard),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    ...(roles.length ? [ApiForbiddenResponse({ description: `Needs the role ${roles.join(' or ')}.` })] : []),
  );
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().user);
