import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@sift/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './current-user.js';
import { SessionsService } from './sessions.service.js';
import { IS_PUBLIC } from '../core/http/public.decorator.js';
import { ROLES_KEY } from './roles.decorator.js';

interface TokenClaims {
  sub: string;
  email: string;
  name: string;
  role: Role;
  exp?: number;
  /** The session the token belongs to (staff_sessions): logged out or ended, its tokens stop. */
  sid?: string;
}

/** Global guard: every endpoint needs a valid staff token unless marked @Public(); @Roles narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
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
    // A token without exp would never expire: only tokens this API signed (which carry one) count.
    if (typeof claims.exp !== 'number') throw new UnauthorizedException('the token has no expiry (exp): log in again');
    if (typeof claims.sid !== 'string') throw new UnauthorizedException('the token belongs to no session: log in again');
    const user = await this.sessions.activeUser(claims.sid, claims.sub);
    if (!user) throw new UnauthorizedException('this session has ended (logged out or expired), or the account no longer exists or is disabled: log in again');
    // Role and name as stored now, not as the token says: a demoted user is demoted within seconds too.
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`this needs the ${roles.join(' or ')} role`);
    }
    return true;
  }
}
