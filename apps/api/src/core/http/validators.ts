import { registerDecorator, type ValidationOptions } from 'class-validator';

/** C0/C1 control characters other than tab, newline and carriage return; NUL; bidi overrides. */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Text a reader may submit: well-formed UTF-16 (no lone surrogates, which Postgres cannot store) and no control
 * characters. `multiline` allows \n, \r and \t.
 */
export function IsCleanText(opts: { multiline: boolean }, validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    registerDecorator({
      name: 'isCleanText',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          if (!value.isWellFormed()) return false;
          if (CONTROL.test(value)) return false;
          return opts.multiline || !/[\n\r\t]/.test(value);
        },
        defaultMessage: (args) =>
          `${args?.property} must not contain control characters${opts.multiline ? '' : ' or line breaks'} or invalid unicode`,
      },
    });
  };
}

/** Trim strings (class-transformer). */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
