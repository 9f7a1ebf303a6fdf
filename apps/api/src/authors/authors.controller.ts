import { Body, Controller, Delete, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AuthorRecord } from '@sift/shared';
import type { FastifyReply } from 'fastify';
import { type AuthUser, CurrentUser } from '../auth/current-user.js';
import { contentRange, parseListQuery } from '../core/http/list-query.js';
import { TextParamPipe } from '../core/http/pipes.js';
import { AUTHOR_SORTABLE, AuthorsService, parseAuthorFilter } from './authors.service.js';
import { AuthorSuspensionDto } from './dto/author-suspension.dto.js';
import { AuthorUpdateDto } from './dto/author-update.dto.js';

/** Authors (react-admin resource `authors`, id = author key). Any staff role. */
@ApiTags('authors')
@ApiBearerAuth()
@Controller('api/moderation/authors')
export class AuthorsController {
  constructor(private readonly authors: AuthorsService) {}

  @Get()
  @ApiOperation({ summary: 'Authors with their comment stats and list status (react-admin simple-rest)' })
  @ApiQuery({ name: 'filter', required: false, example: '{"status":["blocked"]}' })
  async list(
    @Query() q: { range?: string; sort?: string; filter?: string },
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AuthorRecord[]> {
    const parsed = parseListQuery(q, { sortable: AUTHOR_SORTABLE, parseFilter: parseAuthorFilter });
    const { rows, total } = await this.authors.list(parsed);
    res.header('Content-Range', contentRange('authors', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':key')
  @ApiOperation({ summary: 'One author' })
  get(@Param('key', TextParamPipe) key: string): Promise<AuthorRecord> {
    return this.authors.get(key);
  }

  @Put(':key')
  @ApiOperation({ summary: 'Block, always-review or trust an author (status null: off every list); future comments only' })
  update(@Param('key', TextParamPipe) key: string, @Body() dto: AuthorUpdateDto, @CurrentUser() user: AuthUser): Promise<AuthorRecord> {
    return this.authors.update(key, dto, user.id);
  }

  @Put(':key/suspension')
  @ApiOperation({ summary: 'Suspend an author for a number of hours: intake refuses their comments with the message; it ends by itself' })
  suspend(@Param('key', TextParamPipe) key: string, @Body() dto: AuthorSuspensionDto, @CurrentUser() user: AuthUser): Promise<AuthorRecord> {
    return this.authors.suspend(key, dto, user.id);
  }

  @Delete(':key/suspension')
  @ApiOperation({ summary: 'Lift a suspension before its end' })
  lift(@Param('key', TextParamPipe) key: string, @CurrentUser() user: AuthUser): Promise<AuthorRecord> {
    return this.authors.lift(key, user.id);
  }
}
