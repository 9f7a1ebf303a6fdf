import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@sift/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './current-user.js';
import { UsersService } from './users.service.js';
import { IS_PUBLIC } from '../core/http/public.decorator.js';
import { ROLES_KEY } from './roles.decorator.js';

interface TokenClaims {
  sub: string;
  email: string;
  name: string;
  role: Role;
  exp?: number;
}

/** How long a user's "exists and enabled" answer is reused: a disabled user's tokens stop within this. */
const USER_CHECK_TTL_MS = 5_000;

/** Global guard: every endpoint needs a valid staff token unless marked @Public(); @Roles narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  /** Recent answers to "is this user still there and enabled?", by user id (per process, a few seconds). */
  private readonly checked = new Map<string, { user: AuthUser | null; until: number }>();

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
    const user = await this.currentUser(claims.sub);
    if (!user) throw new UnauthorizedException('this account no longer exists or is disabled: log in again');
    // Role and name as stored now, not as the token says: a demoted user is demoted within seconds too.
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`this needs the ${roles.join(' or ')} role`);
    }
    return true;
  }

  private async currentUser(id: string): Promise<AuthUser | null> {
    const now = Date.now();
    const hit = this.checked.get(id);
    if (hit && hit.until > now) return hit.user;
    const row = await this.users.findActiveById(id);
    const user = row ? { id: row.id, email: row.email, name: row.name, role: row.role } : null;
    if (this.checked.size > 10_000) this.checked.clear();
    this.checked.set(id, { user, until: now + USER_CHECK_TTL_MS });
    return user;
  }
}
