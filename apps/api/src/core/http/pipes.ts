import { type ArgumentMetadata, BadRequestException, createParamDecorator, type ExecutionContext, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { CONTROL } from './validators.js';
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

/**
 * A path parameter that names a row by its uuid (`:id`, `:runId`): anything else is a 400 naming the parameter,
 * before Postgres is asked (it refuses a malformed uuid with an error, which would be a 500).
 */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (!isUUID(value)) throw new BadRequestException(`${meta.data ?? 'id'}: expected a UUID (e.g. 0b7c…-…)`);
    return value;
  }
}

/**
 * A free-text path parameter stored in a text column (an author key): well-formed unicode without control
 * characters, at most 1,000 characters — Postgres refuses NUL and lone surrogates with an error (a 500).
 */
@Injectable()
export class TextParamPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (value.length === 0 || value.length > 1000 || !value.isWellFormed() || CONTROL.test(value)) {
      throw new BadRequestException(`${meta.data ?? 'parameter'}: expected 1 to 1000 characters without control characters or invalid unicode`);
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
