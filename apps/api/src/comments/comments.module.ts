import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module.js';
import { TriageModule } from '../triage/triage.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';
import { AuthorTokens } from './author-token.js';
import { IntakeRateLimitModule, IntakeThrottlerGuard, ThrottleRedisModule } from './intake-rate-limit.js';

@Module({
  imports: [ModerationModule, TriageModule, IntakeRateLimitModule, ThrottleRedisModule],
  controllers: [CommentsController],
  providers: [CommentsService, IntakeThrottlerGuard, AuthorTokens],
})
export class CommentsModule {}
