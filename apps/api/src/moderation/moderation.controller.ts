import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { BulkDecisionResponse, ModerationCommentDetail, QueueCounts, QueueRow, ReplyResponse } from '@sift/shared';
import type { FastifyReply } from 'fastify';
import { type AuthUser, CurrentUser } from '../auth/current-user.js';
import { contentRange, parseListQuery } from '../core/http/list-query.js';
import { UuidPipe } from '../core/http/pipes.js';
import { BulkDecisionDto } from './dto/bulk-decision.dto.js';
import { DecisionDto } from './dto/decision.dto.js';
import { ReplyDto } from './dto/reply.dto.js';
import { COMMENT_SORTABLE, ModerationQueryService, parseCommentFilter } from './moderation-query.service.js';
import { ModerationService } from './moderation.service.js';

/** The moderation API (react-admin resource `comments`). Any staff role; admins and moderators alike. */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('api/moderation/comments')
export class ModerationController {
  constructor(
    private readonly query: ModerationQueryService,
    private readonly moderation: ModerationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List comments (react-admin simple-rest: range, sort, filter; total in Content-Range)' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'sort', required: false, example: '["priority","DESC"]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"status":"flagged"}' })
  async list(
    @Query() q: { range?: string; sort?: string; filter?: string },
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<QueueRow[]> {
    const parsed = parseListQuery(q, { sortable: COMMENT_SORTABLE, parseFilter: parseCommentFilter });
    const { rows, total } = await this.query.list(parsed);
    res.header('Content-Range', contentRange('comments', parsed.offset, rows.length, total));
    return rows;
  }

  @Get('counts')
  @ApiOperation({ summary: 'Comments per queue (flagged, pending, approved, hidden, all)' })
  counts(): Promise<QueueCounts> {
    return this.query.counts();
  }

  @Post('bulk-decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or hide many comments in one request; each item version-checked, result per item' })
  bulk(@Body() dto: BulkDecisionDto, @CurrentUser() user: AuthUser): Promise<BulkDecisionResponse> {
    return this.moderation.bulkDecide(dto, user.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One comment with its flags, parent, replies, audit trail and the author with their history' })
  detail(@Param('id', UuidPipe) id: string): Promise<ModerationCommentDetail> {
    return this.query.card(id);
  }

  @Post(':id/reply')
  @HttpCode(201)
  @ApiOperation({ summary: 'Reply as staff: a new approved comment under this one, linked in both audit trails' })
  reply(@Param('id', UuidPipe) id: string, @Body() dto: ReplyDto, @CurrentUser() user: AuthUser): Promise<ReplyResponse> {
    return this.moderation.reply(id, dto.body, { id: user.id, name: user.name });
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or hide; 409 when the comment changed since `version`' })
  async decide(
    @Param('id', UuidPipe) id: string,
    @Body() dto: DecisionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ModerationCommentDetail> {
    await this.moderation.decide(id, dto, user.id);
    return this.query.card(id);
  }
}
