import { Inject, Injectable, Logger, type OnApplicationBootstrap, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@sift/shared';
import * as argon2 from 'argon2';
import { type AppConfig, ConfigError } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import type { AuthUser } from './current-user.js';
import { passwordProblem } from './password-policy.js';
import { LoginThrottle, PasswordCheckGate } from './login-throttle.js';
import { SessionsService } from './sessions.service.js';
import { UsersService } from './users.service.js';

/** A sign-in or a renewal: what the dashboard gets, and the refresh token for its cookie (none: keep the cookie). */
export interface SessionGrant {
  response: LoginResponse;
  refreshToken?: string;
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the email is unknown, so both cases take the same time. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly gate: PasswordCheckGate,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** ADMIN_EMAIL / ADMIN_PASSWORD create the first admin when no user has that email yet. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.auth.bootstrapAdmin;
    if (!admin || (await this.users.findByEmail(admin.email))) return;
    const problem = passwordProblem(admin.password, { email: admin.email });
    if (problem) throw new ConfigError(`Invalid environment configuration:\n  ADMIN_PASSWORD: the password ${problem}`);
    await this.users.create({ email: admin.email, name: 'Administrator', password: admin.password, role: 'admin' });
    this.logger.log(`created the first admin ${admin.email} from ADMIN_EMAIL`);
  }

  /** Sign-in from the client address `ip`: throttled per account and network (LoginThrottle), 429 when waiting. */
  async login(email: string, password: string, ip: string): Promise<SessionGrant> {
    await this.throttle.check(email, ip);
    const user = await this.users.findByEmail(email);
    const ok = await this.gate.run(ip, async () => {
      this.dummyHash ??= argon2.hash('not-a-real-password', { type: argon2.argon2id });
      return argon2.verify(user?.passwordHash ?? (await this.dummyHash), password);
    });
    if (!user || !ok || user.disabled) {
      await this.throttle.failed(email, ip);
      throw new UnauthorizedException('wrong email or password');
    }
    await this.throttle.succeeded(email, ip);
    const { sid, refreshToken } = await this.sessions.open(user.id, this.config.auth.sessionMaxSeconds);
    return { response: await this.grant({ id: user.id, email: user.email, name: user.name, role: user.role }, sid), refreshToken };
  }

  /** A new access token from the refresh cookie (SessionsService.refresh: rotation, reuse, idle limit). */
  async refresh(refreshToken: string | undefined, active: boolean): Promise<SessionGrant> {
    if (!refreshToken) throw new UnauthorizedException('no session to renew (no refresh cookie): sign in');
    const renewed = await this.sessions.refresh(refreshToken, active);
    return { response: await this.grant(renewed.user, renewed.sid), refreshToken: renewed.refreshToken };
  }

  private async grant(user: AuthUser, sid: string): Promise<LoginResponse> {
    const expiresIn = this.config.auth.jwtTtlSeconds;
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid, email: user.email, name: user.name, role: user.role }, { expiresIn });
    return { accessToken, expiresIn, user };
  }

  /**
   * Logs a session out: the one the access token names (its signature checked, its expiry not: an expired token
   * may still end its session), else the one of the refresh cookie. Its access tokens stop at once here, within
   * seconds on other API processes; its refresh token renews nothing any more.
   */
  async logout(accessToken: string | undefined, refreshToken: string | undefined): Promise<void> {
    if (!accessToken && !refreshToken) throw new UnauthorizedException('send the session to end: Authorization: Bearer <token>, or the refresh cookie');
    let sid: string | null = null;
    if (accessToken) {
      try {
        const claims = await this.jwt.verifyAsync<{ sid?: unknown }>(accessToken, { ignoreExpiration: true });
        sid = typeof claims.sid === 'string' ? claims.sid : null;
      } catch {
        if (!refreshToken) throw new UnauthorizedException('the token is invalid: nothing to log out');
      }
    }
    sid ??= refreshToken ? await this.sessions.sessionOf(refreshToken) : null;
    if (sid) await this.sessions.revoke(sid, 'logout');
  }
}
