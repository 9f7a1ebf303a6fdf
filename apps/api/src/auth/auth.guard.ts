import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@sift/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './current-user.js';
import { IS_PUBLIC } from '../core/http/public.decorator.js';
import { ROLES_KEY } from './roles.decorator.js';

interface TokenClaims {
  sub: string;
  email: string;
  name: string;
  role: Role;
}

/** Global guard: every endpoint needs a valid staff token unless marked @Public(); @Roles narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw new UnauthorizedException('log in first: send Authorization: Bearer <token>');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('your session has expired or the token is invalid: log in again');
    }
    req.user = { id: claims.sub, email: claims.email, name: claims.name, role: claims.role };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(claims.role)) {
      throw new ForbiddenException(`this needs the ${roles.join(' or ')} role`);
    }
    return true;
  }
}
