import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { ReportResponse } from '@sift/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withRetryAfter } from '../core/http/retry-after.js';
import { UuidPipe } from '../core/http/pipes.js';
import { Public } from '../core/http/public.decorator.js';
import { ReportDto } from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';

/** A reader reports a published comment (docs/reader.md, "Reports"). No login. */
@ApiTags('reader')
@Public()
@Controller('api/public/comments')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post(':id/reports')
  @HttpCode(201)
  @ApiOperation({ summary: 'Report a published comment to the moderators (once per reader; rate-limited per reader)' })
  @ApiCreatedResponse({ description: '{ commentId, reported: true }' })
  @ApiNotFoundResponse({ description: 'No published comment with this id (unknown, held or hidden: the same answer)' })
  @ApiConflictResponse({ description: 'This reader has already reported this comment' })
  @ApiTooManyRequestsResponse({ description: 'Over the per-reader report limit; Retry-After says when to retry' })
  report(
    @Param('id', UuidPipe) id: string,
    @Body() dto: ReportDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportResponse> {
    return withRetryAfter(reply, this.reports.report(id, dto, { ip: req.ip ?? null }));
  }
}
