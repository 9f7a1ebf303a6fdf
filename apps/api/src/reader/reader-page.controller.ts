import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Public } from '../core/http/public.decorator.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { ExternalIdPipe } from '../core/http/pipes.js';

/**
 * `/read/:externalId`: the reader page (a static `reader.html` built by Vite next to the dashboard; it reads the
 * article id from its own URL). Served with `<base href="../">` so its relative assets resolve from the app root,
 * and a strict Content-Security-Policy: same-origin scripts, styles and requests only, framable by the publisher
 * origins of CORS_ORIGINS (by any site when that list is empty — the embed is meant to go anywhere).
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
    const origins = this.config.http.corsOrigins;
    const ancestors = origins.length > 0 ? `'self' ${origins.join(' ')}` : '*';
    void res
      .status(200)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .header(
        'Content-Security-Policy',
        [
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "base-uri 'self'",
          "form-action 'none'",
          `frame-ancestors ${ancestors}`,
        ].join('; '),
      )
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'no-referrer')
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
