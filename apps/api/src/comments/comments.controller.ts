import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IntakeResponse } from '@sift/shared';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/public.decorator.js';
import { ExternalIdPipe, IdempotencyKey } from '../core/http/pipes.js';
import { CommentsService } from './comments.service.js';
import { CreateCommentDto } from './dto/create-comment.dto.js';

@ApiTags('intake')
@Controller('api/articles/:externalId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit a reader comment; it is stored, then triaged by the worker' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried POST with the same key returns the first comment' })
  @ApiAcceptedResponse({ description: '{ id, status: "pending" }' })
  submit(
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() dto: CreateCommentDto,
    @IdempotencyKey() idempotencyKey: string | null,
    @Req() req: FastifyRequest,
  ): Promise<IntakeResponse> {
    return this.comments.submit(externalId, dto, { idempotencyKey, ip: req.ip ?? null });
  }
}
