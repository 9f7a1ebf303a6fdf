import {
  type ArgumentMetadata,
  BadRequestException,
  HttpException,
  Injectable,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';

/** Deeper than this, a request body is refused before anything walks it recursively (no DTO of ours nests). */
const MAX_DEPTH = 8;

function collect(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints);
    if (e.children?.length) Object.assign(out, collect(e.children, path));
  }
  return out;
}

/**
 * Walks a parsed JSON value without recursion: refuses nesting deeper than MAX_DEPTH and strings that are not
 * well-formed UTF-16 (lone surrogates: Postgres cannot store them and some validators throw on them).
 */
function screen(value: unknown): void {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (!v.isWellFormed()) throw bad(path || 'body', 'contains invalid unicode (a lone surrogate)');
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) throw bad(path || 'body', `is nested too deeply (more than ${MAX_DEPTH} levels)`);
    for (const [k, child] of Object.entries(v)) {
      if (!k.isWellFormed()) throw bad(path || 'body', 'has a key with invalid unicode');
      stack.push({ v: child, path: path ? `${path}.${k}` : k, depth: depth + 1 });
    }
  }
}

function bad(field: string, problem: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: ${problem}`, fields: { [field]: [problem] } });
}

/**
 * DTO validation for every endpoint: the body must be a JSON object; unknown fields are refused; the 400 names each
 * bad field: `{ statusCode: 400, error: 'Bad Request', message: 'body: body must not be empty', fields: {...} }`.
 */
@Injectable()
export class SiftValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) => {
        const fields = collect(errors);
        const message = Object.entries(fields)
          .map(([f, msgs]) => `${f}: ${msgs.join(', ')}`)
          .join('; ');
        return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, fields });
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.metatype && this.toValidate(metadata);
    if (metadata.type === 'body' && dto) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new BadRequestException('the request body must be a JSON object');
      }
      screen(value);
    }
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      if (err instanceof HttpException) throw err;
      throw new BadRequestException(`${metadata.data ?? metadata.type}: could not be validated (${(err as Error).message})`);
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new SiftValidationPipe();
}
