import { BadRequestException, createParamDecorator, type ExecutionContext, Injectable, type PipeTransform } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

const EXTERNAL_ID = /^[A-Za-z0-9._:~-]{1,200}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,200}$/;

/** `:externalId`: the publisher's article id (letters, digits and . _ : ~ -, up to 200). */
@Injectable()
export class ExternalIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!EXTERNAL_ID.test(value)) {
      throw new BadRequestException('externalId: use 1 to 200 letters, digits or . _ : ~ -');
    }
    return value;
  }
}

/** The `Idempotency-Key` header: optional, 1 to 200 printable ASCII characters (else 400). */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !IDEMPOTENCY_KEY.test(value)) {
    throw new BadRequestException('Idempotency-Key: use 1 to 200 printable ASCII characters without spaces');
  }
  return value;
});
