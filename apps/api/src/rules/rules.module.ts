import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RuleEntity } from './rule.entity.js';
import { RuleVersionEntity } from './rule-version.entity.js';
import { RulesService } from './rules.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RuleEntity, RuleVersionEntity])],
  providers: [RulesService],
  exports: [RulesService],
})
export class RulesModule {}
