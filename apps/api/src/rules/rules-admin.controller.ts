import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  BacktestRecord,
  RetriageRecord,
  RuleAdminRecord,
  RuleQuality,
  RuleTestResponse,
  RuleTypeInfo,
  RuleVersionRecord,
} from '@sift/shared';
import type { FastifyReply } from 'fastify';
import { type AuthUser, CurrentUser } from '../auth/current-user.js';
import { Roles } from '../auth/roles.decorator.js';
import { contentRange } from '../core/http/list-query.js';
import { UuidPipe } from '../core/http/pipes.js';
import { BacktestService } from './backtest.service.js';
import { BacktestDto, RetriageDto } from './dto/rule-jobs.dto.js';
import { RollbackDto, RuleCreateDto, RuleUpdateDto } from './dto/rule-save.dto.js';
import { RuleTestDto } from './dto/rule-test.dto.js';
import { RetriageService } from './retriage.service.js';
import { RulesAdminService } from './rules-admin.service.js';

/**
 * Rules administration (react-admin resource `rules`). Moderators may read the rules and their quality; every
 * change, the tester, backtests and re-triage are for admins.
 */
@ApiTags('rules')
@ApiBearerAuth()
@Controller('api/rules')
export class RulesAdminController {
  constructor(
    private readonly rules: RulesAdminService,
    private readonly backtests: BacktestService,
    private readonly retriage: RetriageService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every rule with its 7-day hits and moderator override rate (react-admin simple-rest)' })
  async list(@Res({ passthrough: true }) res: FastifyReply): Promise<RuleAdminRecord[]> {
    const rows = await this.rules.list();
    res.header('Content-Range', contentRange('rules', 0, rows.length, rows.length));
    return rows;
  }

  @Get('types')
  @ApiOperation({ summary: 'Rule types with their config JSON Schema and defaults (for the form)' })
  types(): RuleTypeInfo[] {
    return this.rules.types();
  }

  @Post('test')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Tester: every rule’s verdict, score, threshold and evidence for a pasted comment (drafts or the saved set)' })
  test(@Body() dto: RuleTestDto): Promise<RuleTestResponse> {
    return this.rules.test(dto);
  }

  @Post('retriage')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Re-run triage over comments no person decided (maintenance job)' })
  startRetriage(@Body() dto: RetriageDto, @CurrentUser() user: AuthUser): Promise<RetriageRecord> {
    return this.retriage.enqueue(dto, user.id);
  }

  @Get('retriage/:runId')
  @Roles('admin')
  @ApiOperation({ summary: 'A re-triage run: status, progress, result' })
  getRetriage(@Param('runId', UuidPipe) runId: string): Promise<RetriageRecord> {
    return this.retriage.get(runId);
  }

  @Post('retriage/:runId/cancel')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Cancel a re-triage run' })
  cancelRetriage(@Param('runId', UuidPipe) runId: string): Promise<RetriageRecord> {
    return this.retriage.cancel(runId);
  }

  @Get('backtests/:runId')
  @Roles('admin')
  @ApiOperation({ summary: 'A backtest: status, progress, confusion matrix, precision/recall/F1, newly / no longer flagged' })
  getBacktest(@Param('runId', UuidPipe) runId: string): Promise<BacktestRecord> {
    return this.backtests.get(runId);
  }

  @Post('backtests/:runId/cancel')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Cancel a backtest (queued: never starts; running: stops at its next batch)' })
  cancelBacktest(@Param('runId', UuidPipe) runId: string): Promise<BacktestRecord> {
    return this.backtests.cancel(runId);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a rule (version 1); 400 with field errors from the type’s schema' })
  create(@Body() dto: RuleCreateDto, @CurrentUser() user: AuthUser): Promise<RuleAdminRecord> {
    return this.rules.create(dto, user.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One rule' })
  get(@Param('id', UuidPipe) id: string): Promise<RuleAdminRecord> {
    return this.rules.get(id);
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Save a rule: a new version; 400 with field errors (no version); 409 when saved meanwhile' })
  update(@Param('id', UuidPipe) id: string, @Body() dto: RuleUpdateDto, @CurrentUser() user: AuthUser): Promise<RuleAdminRecord> {
    return this.rules.update(id, dto, user.id, dto.note || null);
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Delete a rule (soft: it stops running; versions and past flags stay)' })
  remove(@Param('id', UuidPipe) id: string): Promise<{ id: string }> {
    return this.rules.remove(id);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Version history with who, when and what changed' })
  versions(@Param('id', UuidPipe) id: string): Promise<RuleVersionRecord[]> {
    return this.rules.versions(id);
  }

  @Post(':id/rollback')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Roll back: save an old version as the newest one' })
  rollback(@Param('id', UuidPipe) id: string, @Body() dto: RollbackDto, @CurrentUser() user: AuthUser): Promise<RuleAdminRecord> {
    return this.rules.rollback(id, dto.version, user.id, dto.note || null);
  }

  @Get(':id/quality')
  @ApiOperation({ summary: 'Hits per day and override rate (30 days); shadow hits with the moderators’ decisions' })
  quality(@Param('id', UuidPipe) id: string): Promise<RuleQuality> {
    return this.rules.quality(id);
  }

  @Post(':id/backtests')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Backtest a draft (or a version) against past moderator decisions (maintenance job)' })
  startBacktest(@Param('id', UuidPipe) id: string, @Body() dto: BacktestDto, @CurrentUser() user: AuthUser): Promise<BacktestRecord> {
    return this.backtests.enqueue(id, dto, user.id);
  }

  @Get(':id/backtests')
  @Roles('admin')
  @ApiOperation({ summary: 'The rule’s backtests, newest first' })
  listBacktests(@Param('id', UuidPipe) id: string): Promise<BacktestRecord[]> {
    return this.backtests.list(id);
  }
}
