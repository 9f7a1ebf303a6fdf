import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LearnedModelAgreement, LearnedModelRecord } from '@sift/shared';
import type { FastifyReply } from 'fastify';
import { type AuthUser, CurrentUser } from '../auth/current-user.js';
import { Roles } from '../auth/roles.decorator.js';
import { contentRange } from '../core/http/list-query.js';
import { UuidPipe } from '../core/http/pipes.js';
import { AgreementQueryDto } from './dto/agreement-query.dto.js';
import { LearnedModelsService } from './learned-models.service.js';

/**
 * The site's learned insult model versions (react-admin resource `learned-models`, issue 15): moderators read them;
 * retraining, promotion and rollback are for admins.
 */
@ApiTags('learned-models')
@ApiBearerAuth()
@Controller('api/learned-models')
export class LearnedModelsController {
  constructor(private readonly models: LearnedModelsService) {}

  @Get()
  @ApiOperation({ summary: 'Every model version, newest first, with training size, CV metrics and learning curve (no weights)' })
  async list(@Res({ passthrough: true }) res: FastifyReply): Promise<LearnedModelRecord[]> {
    const rows = await this.models.list();
    res.header('Content-Range', contentRange('learned-models', 0, rows.length, rows.length));
    return rows;
  }

  @Post('retrain')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Train a new version from the decisions now (the rule-jobs queue); it starts in shadow' })
  retrain(@CurrentUser() user: AuthUser): Promise<LearnedModelRecord> {
    return this.models.enqueue('manual', user.id);
  }

  @Post('rollback')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Retire the promoted version; the one promoted before it comes back (none: the lexicon alone)' })
  async rollback(): Promise<{ promoted: LearnedModelRecord | null }> {
    return { promoted: await this.models.rollback() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One model version' })
  get(@Param('id', UuidPipe) id: string): Promise<LearnedModelRecord> {
    return this.models.get(id);
  }

  @Get(':id/agreement')
  @ApiOperation({
    summary: 'Shadow agreement: the version beside the live insult decision over recent comments ("would flag N more, N fewer", with examples)',
  })
  agreement(@Param('id', UuidPipe) id: string, @Query() q: AgreementQueryDto): Promise<LearnedModelAgreement> {
    return this.models.agreement(id, q.days, q.limit);
  }

  @Post(':id/promote')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Promote a shadow (or retired) version: workers score with it within seconds' })
  promote(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<LearnedModelRecord> {
    return this.models.promote(id, user.id);
  }
}
