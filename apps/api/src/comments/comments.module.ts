import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module.js';
import { TriageModule } from '../triage/triage.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';

@Module({
  imports: [ModerationModule, TriageModule],
  controllers: [CommentsController],
  providers: [CommentsService],
})
export class CommentsModule {}
