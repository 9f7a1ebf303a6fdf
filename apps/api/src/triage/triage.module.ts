import { Module } from '@nestjs/common';
import { ModerationModule } from '../moderation/moderation.module.js';
import { CampaignLookupService } from './campaign-lookup.service.js';
import { ReconcilerService } from './reconciler.service.js';
import { RuleSetService } from './rule-set.service.js';
import { TriageQueue } from './triage.queue.js';
import { TriageService } from './triage.service.js';

/** Triage services and the producer; shared by both processes. Consumers live in TriageWorkerModule. */
@Module({
  imports: [ModerationModule],
  providers: [TriageService, TriageQueue, ReconcilerService, RuleSetService, CampaignLookupService],
  exports: [TriageService, TriageQueue, ReconcilerService],
})
export class TriageModule {}
