import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module.js';
import { TriageModule } from '../triage/triage.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';
import { IntakeRateLimitModule, IntakeThrottlerGuard } from './intake-rate-limit.js';

@Module({
  imports: [ModerationModule, TriageModule, IntakeRateLimitModule],
  controllers: [CommentsController],
  providers: [CommentsService, IntakeThrottlerGuard],
})
export class CommentsModule {}
