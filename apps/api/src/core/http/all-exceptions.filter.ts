import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

const PG_UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/** True when the error means "the database cannot be reached right now" (so: 503, try again). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string; message?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  if (code && (PG_UNAVAILABLE_CODES.has(code) || NET_CODES.has(code))) return true;
  const msg = `${e?.message ?? ''} ${e?.driverError?.message ?? ''}`;
  return /Connection terminated|timeout exceeded when trying to connect|Connection ended unexpectedly|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    msg,
  );
}

/**
 * What a 503 says: an overloaded API waiting for a free database connection is not the database being down (the
 * pool's wait for a connection, `connectionTimeoutMillis`, also covers a connection that does not open in time).
 */
export function unavailableMessage(err: unknown): string {
  return /timeout exceeded when trying to connect/i.test((err as Error)?.message ?? '')
    ? 'no database connection came free in time (the service is overloaded or the database is slow); retry shortly'
    : 'the database is unavailable; retry shortly';
}

/**
 * One place that shapes error answers: HTTP exceptions as they are, framework 4xx errors (bad JSON, body too
 * large) with their message, an unreachable database as 503 with Retry-After, anything else as a logged 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const req = ctx.getRequest<FastifyRequest>();

    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const status = exception.getStatus();
      void reply
        .status(status)
        .send(typeof body === 'string' ? { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: body } : body);
      return;
    }
    const fw = exception as { statusCode?: number; message?: string; code?: string };
    if (typeof fw?.statusCode === 'number' && fw.statusCode >= 400 && fw.statusCode < 500) {
      void reply.status(fw.statusCode).send({ statusCode: fw.statusCode, error: STATUS_CODES[fw.statusCode] ?? 'Bad Request', message: fw.message });
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`${req.method} ${req.url}: database unavailable (${(exception as Error).message})`);
      void reply.status(503).header('Retry-After', '5').send({ statusCode: 503, error: 'Service Unavailable', message: unavailableMessage(exception) });
      return;
    }
    this.logger.error(`${req.method} ${req.url} [${req.id}]: ${(exception as Error)?.stack ?? String(exception)}`);
    void reply.status(500).send({ statusCode: 500, error: 'Internal Server Error', message: `unexpected error (request ${req.id})` });
  }
}
