import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiNotModifiedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyCommentsResponse, PublicArticle, PublicThreadPage } from '@sift/shared';
import type { FastifyReply } from 'fastify';
import { Public } from '../core/http/public.decorator.js';
import { ExternalIdPipe } from '../core/http/pipes.js';
import { MyCommentsDto } from './dto/my-comments.dto.js';
import { THREAD_PAGE, ThreadQueryDto } from './dto/thread-query.dto.js';
import { decodeCursor, ReaderService } from './reader.service.js';

/** `If-None-Match` matches when it lists this ETag (weak or strong) or is `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((v) => {
    const t = v.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** The public read API (docs/reader.md): approved comments only, cacheable with an ETag. No login. */
@ApiTags('reader')
@Public()
@Controller('api/public')
export class ReaderController {
  constructor(private readonly reader: ReaderService) {}

  @Get('articles/:externalId')
  @ApiOperation({ summary: "An article's title, subtitle, url and whether comments are open" })
  @ApiNotModifiedResponse({ description: 'If-None-Match matched the ETag' })
  async article(
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const { article, etag } = await this.reader.article(externalId);
    this.send(res, etag, ifNoneMatch, article satisfies PublicArticle);
  }

  @Get('articles/:externalId/comments')
  @ApiOperation({ summary: 'Approved comments, threaded (replies nested, oldest first), paginated by top-level thread' })
  @ApiNotModifiedResponse({ description: 'If-None-Match matched the ETag' })
  async thread(
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Query() q: ThreadQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    if (q.cursor && !decodeCursor(q.cursor)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'cursor: must be the nextCursor of a previous page',
        fields: { cursor: ['must be the nextCursor of a previous page'] },
      });
    }
    const query = { order: q.order ?? 'newest', limit: q.limit ?? THREAD_PAGE.default, cursor: q.cursor ?? null } as const;
    const { articleId, etag } = await this.reader.threadEtag(externalId, query);
    if (matches(ifNoneMatch, etag)) return this.notModified(res, etag);
    const page: PublicThreadPage = await this.reader.thread(externalId, articleId, query);
    this.send(res, etag, undefined, page);
  }

  @Post('comments/mine')
  @HttpCode(200)
  @ApiOperation({
    summary: "The author's own comments by their private tokens: held for review, published, or not published (with the reason)",
  })
  async mine(@Body() dto: MyCommentsDto, @Res({ passthrough: true }) res: FastifyReply): Promise<MyCommentsResponse> {
    res.header('Cache-Control', 'no-store');
    return { comments: await this.reader.mine([...new Set(dto.tokens)]) };
  }

  private send(res: FastifyReply, etag: string, ifNoneMatch: string | undefined, body: unknown): void {
    if (matches(ifNoneMatch, etag)) return this.notModified(res, etag);
    void res.status(200).header('ETag', etag).header('Cache-Control', this.reader.cacheControl).send(body);
  }

  private notModified(res: FastifyReply, etag: string): void {
    void res.status(304).header('ETag', etag).header('Cache-Control', this.reader.cacheControl).send();
  }
}
