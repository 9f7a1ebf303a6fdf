import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Public } from '../core/http/public.decorator.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { ExternalIdPipe } from '../core/http/pipes.js';
import { readerPageHeaders } from '../core/http/security-headers.js';

/**
 * `/read/:externalId`: the reader page (a static `reader.html` built by Vite next to the dashboard; it reads the
 * article id from its own URL). Served with `<base href="../">` so its relative assets resolve from the app root,
 * and the reader page's strict Content-Security-Policy (core/http/security-headers.ts).
 */
@ApiExcludeController()
@Public()
@Controller('read')
export class ReaderPageController {
  private html: string | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get(':externalId')
  async page(@Param('externalId', ExternalIdPipe) _externalId: string, @Res() res: FastifyReply): Promise<void> {
    const html = await this.load();
    void res
      .status(200)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .headers(readerPageHeaders(this.config.http.corsOrigins))
      .send(html);
  }

  private async load(): Promise<string> {
    if (this.html !== undefined) return this.html;
    const file = resolve(this.config.http.dashboardDir ?? 'dist/apps/dashboard', 'reader.html');
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      throw new NotFoundException('the reader page is not built (run `npx nx run dashboard:build`)');
    }
    this.html = raw.replace(/<head>/i, '<head>\n    <base href="../" />');
    return this.html;
  }
}
