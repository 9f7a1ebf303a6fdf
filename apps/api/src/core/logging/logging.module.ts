import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';

/**
 * Structured JSON logs (pino through nestjs-pino) for both processes. Every HTTP log line carries the request id
 * (`X-Request-Id`, taken from the caller or generated, and echoed back); intake passes it into the triage job, so
 * the worker's lines for that comment carry it too. Secrets in headers are redacted; health and metrics scrapes are
 * not logged.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (req) => String(req.headers['x-request-id'] ?? ''),
          redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          autoLogging: { ignore: (req) => /^\/(health|metrics)\b/.test(req.url ?? '') },
          customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
        },
      }),
    }),
  ],
})
export class LoggingModule {}
