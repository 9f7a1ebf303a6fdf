import { Module } from '@nestjs/common';
import { TriageModule } from '../triage/triage.module.js';
import { BacktestService } from './backtest.service.js';
import { LearnedModelsService } from './learned-models.service.js';
import { RetriageService } from './retriage.service.js';
import { RulesAdminService } from './rules-admin.service.js';

/** Rules administration services, shared by the API (start, read, cancel) and the worker (run). */
@Module({
  imports: [TriageModule],
  providers: [RulesAdminService, BacktestService, RetriageService, LearnedModelsService],
  exports: [RulesAdminService, BacktestService, RetriageService, LearnedModelsService],
})
export class RuleJobsModule {}
