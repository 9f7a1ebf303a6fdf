import { Body, Controller, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { ReaderIntakeResponse } from '@sift/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../core/http/public.decorator.js';
import { ExternalIdPipe, IdempotencyKey } from '../core/http/pipes.js';
import { CommentsService } from './comments.service.js';
import { CreateCommentDto } from './dto/create-comment.dto.js';
import { IntakeThrottlerGuard } from './intake-rate-limit.js';
import { withRetryAfter } from '../core/http/retry-after.js';

@ApiTags('intake')
@Controller('api/articles/:externalId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post()
  @Public()
  @UseGuards(IntakeThrottlerGuard)
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit a reader comment; it is stored, then triaged by the worker' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried POST with the same key returns the first comment' })
  @ApiAcceptedResponse({ description: '{ id, status: "pending", readerToken } — the token is private to the author (docs/reader.md)' })
  @ApiTooManyRequestsResponse({ description: 'Over the per-IP or per-author limit; Retry-After says when to retry' })
  @ApiUnauthorizedResponse({ description: 'authorToken expired, not signed by a known publisher, or malformed (the message says which)' })
  submit(
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() dto: CreateCommentDto,
    @IdempotencyKey() idempotencyKey: string | null,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReaderIntakeResponse> {
    return withRetryAfter(reply, this.comments.submit(externalId, dto, { idempotencyKey, ip: req.ip ?? null, requestId: String(req.id) }));
  }
}
