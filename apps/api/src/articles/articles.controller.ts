import { Body, Controller, Param, Put, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ArticleRecord } from '@sift/shared';
import type { FastifyReply } from 'fastify';
import { Public } from '../core/http/public.decorator.js';
import { PublisherKeyGuard } from '../auth/publisher-key.guard.js';
import { ExternalIdPipe } from '../core/http/pipes.js';
import { ArticlesService } from './articles.service.js';
import { UpsertArticleDto } from './dto/upsert-article.dto.js';

@ApiTags('publisher')
@Controller('api/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Put(':externalId')
  @Public()
  @UseGuards(PublisherKeyGuard)
  @ApiHeader({ name: 'X-Api-Key', required: true, description: 'A publisher API key (PUBLISHER_API_KEYS)' })
  @ApiOperation({ summary: 'Create or update an article (201 created, 200 updated)' })
  async upsert(
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() dto: UpsertArticleDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ArticleRecord> {
    const { article, created } = await this.articles.upsert(externalId, dto);
    res.status(created ? 201 : 200);
    return article;
  }
}
