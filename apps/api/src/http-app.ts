import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from './app.module.js';
import { type AppConfig, getConfig } from './core/config/config.js';
import { Logger } from 'nestjs-pino';
import { mountQueueBoard } from './ops/queue-board.js';
import { DrainService } from './core/lifecycle/drain.service.js';
import { httpDuration } from './core/metrics/metrics.js';
import { AllExceptionsFilter } from './core/http/all-exceptions.filter.js';
import { createValidationPipe } from './core/http/validation.pipe.js';
import { requestIdOf } from './core/http/request-id.js';
import { dashboardHeaders, readerPageHeaders } from './core/http/security-headers.js';

/** Request body limit: a comment is at most 10,000 characters; an article body at most 200,000. */
const BODY_LIMIT = 1024 * 1024;

/** The HTTP app as `main.ts` runs it; tests build it the same way. */
export async function createHttpApp(opts: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const config = getConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({
      bodyLimit: BODY_LIMIT,
      trustProxy: config.http.trustProxy.length > 0 ? config.http.trustProxy : false, // TRUST_PROXY: listed proxies only
      // One request id for Fastify, the pino logs and the triage job: the caller's X-Request-Id when it is plain and
      // short, else a new one (requestIdOf). Fastify's own header reading would take any value verbatim.
      requestIdHeader: false,
      genReqId: requestIdOf,
    }),
    opts.logger === false ? { logger: false } : { bufferLogs: true },
  );
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  observeRequests(app);
  requireJsonBodies(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  // CORS allow-list: only CORS_ORIGINS (publisher sites calling the public API from their pages) get CORS headers;
  // any other origin gets none, so browsers refuse to hand it the answer. No cookies are used, so no credentials.
  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'If-None-Match', 'X-Api-Key'],
    exposedHeaders: ['Content-Range', 'Retry-After', 'ETag'],
    credentials: false,
    maxAge: 600,
  });
  setUpDocs(app);
  await mountQueueBoard(app);
  await serveDashboard(app, config);
  return app;
}

/**
 * Request latency for Prometheus, labelled by route template (not raw URL), the request id echoed back, and the
 * requests in flight counted for a graceful stop (see DrainService; while draining, every answer closes its
 * connection).
 */
function observeRequests(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const drain = app.get(DrainService);
  fastify.addHook('onRequest', async (_req, reply) => {
    drain.track(reply.raw);
  });
  fastify.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    if (drain.isDraining) reply.header('connection', 'close');
    return payload;
  });
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    httpDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}

/**
 * The API speaks JSON only: a request with a body of another type (a cross-site HTML form post, XML) is refused
 * with 415 before it reaches a route, so no form can post comments without CORS having a say.
 */
function requireJsonBodies(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (req, reply) => {
      if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return;
      const type = req.headers['content-type'];
      const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
      if (!hasBody || (type && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type))) return;
      await reply.code(415).send({ statusCode: 415, error: 'Unsupported Media Type', message: 'send the request body as JSON (Content-Type: application/json)' });
    });
}

function setUpDocs(app: INestApplication): void {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sift API')
      .setDescription('Comment intake, moderation and triage')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'publisher')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * The built dashboard (a static SPA with a hash router) is served at `/` when present, with the dashboard's
 * security headers (framed by nobody); `/reader.html` gets the reader page's. Source maps are never served: the
 * production build has none, and the development build's stay on disk for local tools.
 */
async function serveDashboard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const dir = resolve(config.http.dashboardDir ?? 'dist/apps/dashboard');
  if (!existsSync(resolve(dir, 'index.html'))) return;
  const fastifyStatic = (await import('@fastify/static')).default;
  const dashboard = dashboardHeaders();
  const reader = readerPageHeaders(config.http.corsOrigins);
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    decorateReply: false,
    index: ['index.html'],
    allowedPath: (path) => !path.endsWith('.map'),
    setHeaders: (reply, path) => {
      void reply.headers(path.endsWith('/reader.html') ? reader : dashboard);
    },
  });
}
