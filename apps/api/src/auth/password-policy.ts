import { BadRequestException } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's score (0–4) a staff password needs: 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

/** English and the common dictionaries (passwords, names, Wikipedia words), keyboard graphs; built once, on first use. */
let zxcvbn: ZxcvbnFactory | undefined;
const estimator = () =>
  (zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/**
 * What is wrong with a staff password, in words, or null (issue 16, item 12): at least 12 characters, not the
 * account's e-mail address (or its part before the @) nor containing it, and not easy to guess by zxcvbn-ts — which
 * also counts the e-mail, the name and "sift" as guessable words.
 */
export function passwordProblem(password: string, account: { email: string; name?: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const email = account.email.trim().toLowerCase();
  const local = email.split('@')[0];
  const lower = password.toLowerCase();
  if (lower.includes(email) || (local.length >= 4 && lower.includes(local))) return 'must not be or contain the e-mail address';
  const result = estimator().check(password, [email, local, ...(account.name ? [account.name] : []), 'sift']);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `is too easy to guess${why ? `: ${why}` : ''} (use four or more unrelated words, or a password manager's)`;
}

/** 400 naming the field when the password is refused. */
export function assertStrongPassword(password: string, account: { email: string; name?: string }, field = 'password'): void {
  const problem = passwordProblem(password, account);
  if (problem) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: ${problem}`, fields: { [field]: [problem] } });
}
