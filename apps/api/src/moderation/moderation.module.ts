import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorsModule } from '../authors/authors.module.js';
import { CommentEntity } from './comment.entity.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { LiveController, STREAM_ISSUER } from './live.controller.js';
import { ModerationEventEntity } from './moderation-event.entity.js';
import { ModerationController } from './moderation.controller.js';
import { ModerationQueryService } from './moderation-query.service.js';
import { ModerationService } from './moderation.service.js';
import { PresenceController } from './presence.controller.js';
import { PresenceService } from './presence.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CommentEntity, ModerationEventEntity]),
    AuthorsModule,
    // Its own JwtService: stream tokens carry their own issuer (never valid as a login token, see LiveController).
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret, verifyOptions: { issuer: STREAM_ISSUER } }),
    }),
  ],
  controllers: [ModerationController, LiveController, PresenceController],
  providers: [ModerationService, ModerationQueryService, PresenceService],
  exports: [ModerationService],
})
export class ModerationModule {}
