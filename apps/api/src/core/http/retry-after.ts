import { HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** Sets `Retry-After` on a 429 thrown by a service (its body carries `retryAfterSeconds`): intake and sign-in. */
export async function withRetryAfter<T>(reply: FastifyReply, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const body = err instanceof HttpException ? (err.getResponse() as { retryAfterSeconds?: unknown }) : null;
    if (typeof body?.retryAfterSeconds === 'number') reply.header('Retry-After', String(body.retryAfterSeconds));
    throw err;
  }
}
