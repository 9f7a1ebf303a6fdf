import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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
 * DTO validation for every endpoint: unknown fields are refused, and the 400 names each bad field:
 * `{ statusCode: 400, error: 'Bad Request', message: 'body: body must not be empty', fields: { body: [...] } }`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
