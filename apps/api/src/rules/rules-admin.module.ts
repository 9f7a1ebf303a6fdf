import { Module } from '@nestjs/common';
import { RuleJobsModule } from './rule-jobs.module.js';
import { LearnedModelsController } from './learned-models.controller.js';
import { RulesAdminController } from './rules-admin.controller.js';

/** The rules admin HTTP API (docs/rules.md). */
@Module({
  imports: [RuleJobsModule],
  controllers: [RulesAdminController, LearnedModelsController],
})
export class RulesAdminModule {}
