import { Inject, Injectable, Logger, type OnApplicationBootstrap, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@sift/shared';
import * as argon2 from 'argon2';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { UsersService } from './users.service.js';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the email is unknown, so both cases take the same time. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** ADMIN_EMAIL / ADMIN_PASSWORD create the first admin when no user has that email yet. */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.auth.bootstrapAdmin;
    if (!admin || (await this.users.findByEmail(admin.email))) return;
    await this.users.create({ email: admin.email, name: 'Administrator', password: admin.password, role: 'admin' });
    this.logger.log(`created the first admin ${admin.email} from ADMIN_EMAIL`);
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByEmail(email);
    this.dummyHash ??= argon2.hash('not-a-real-password', { type: argon2.argon2id });
    const ok = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok || user.disabled) throw new UnauthorizedException('wrong email or password');
    const expiresIn = this.config.auth.jwtTtlSeconds;
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, email: user.email, name: user.name, role: user.role },
      { expiresIn },
    );
    return { accessToken, expiresIn, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }
}
