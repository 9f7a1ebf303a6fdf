import { Inject, Injectable, Logger, type OnApplicationBootstrap, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@sift/shared';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { type AppConfig, ConfigError } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { passwordProblem } from './password-policy.js';
import { LoginThrottle, PasswordCheckGate } from './login-throttle.js';
import { SessionsService } from './sessions.service.js';
import { UsersService } from './users.service.js';

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
  async login(email: string, password: string, ip: string): Promise<LoginResponse> {
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
    const refreshSecret = randomBytes(32).toString('base64url');
    const sid = await this.sessions.open(user.id, sha256(refreshSecret), this.config.auth.sessionMaxSeconds);
    const expiresIn = this.config.auth.jwtTtlSeconds;
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, sid, email: user.email, name: user.name, role: user.role },
      { expiresIn },
    );
    return { accessToken, expiresIn, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }

  /**
   * Logs a session out: the session named by the access token (its signature checked, its expiry not: an expired
   * token may still end its session). Its access tokens stop at once here, within seconds on other API processes.
   */
  async logout(accessToken: string | undefined): Promise<void> {
    if (!accessToken) throw new UnauthorizedException('send the session to end: Authorization: Bearer <token>');
    let claims: { sid?: unknown };
    try {
      claims = await this.jwt.verifyAsync<{ sid?: unknown }>(accessToken, { ignoreExpiration: true });
    } catch {
      throw new UnauthorizedException('the token is invalid: nothing to log out');
    }
    if (typeof claims.sid === 'string') await this.sessions.revoke(claims.sid, 'logout');
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
