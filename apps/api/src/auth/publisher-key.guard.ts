import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Publisher endpoints: `X-Api-Key` must be one of PUBLISHER_API_KEYS (compared in constant time). */
@Injectable()
export class PublisherKeyGuard implements CanActivate {
  private readonly keys: Buffer[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keys = config.auth.publisherApiKeys.map(digest);
  }

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const given = req.headers['x-api-key'];
    if (typeof given !== 'string' || given.length === 0) {
      throw new UnauthorizedException('send a publisher API key in the X-Api-Key header');
    }
    const d = digest(given);
    if (!this.keys.some((k) => timingSafeEqual(k, d))) throw new UnauthorizedException('unknown publisher API key');
    return true;
  }
}
