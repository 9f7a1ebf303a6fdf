import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommentEntity } from '../comments/comment.entity.js';
import { TriageFlagEntity } from '../triage/triage-flag.entity.js';
import { ModerationEventEntity } from './moderation-event.entity.js';
import { ModerationController } from './moderation.controller.js';
import { ModerationQueryService } from './moderation-query.service.js';
import { ModerationService } from './moderation.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CommentEntity, ModerationEventEntity, TriageFlagEntity])],
  controllers: [ModerationController],
  providers: [ModerationService, ModerationQueryService],
  exports: [ModerationService],
})
export class ModerationModule {}
