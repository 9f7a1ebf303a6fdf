import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { COMMENT_LIMITS } from './dto/create-comment.dto.js';

/** An author the publisher vouched for: its own user id and the name to show. */
export interface VerifiedAuthor {
  publisher: string;
  id: string;
  name: string;
}

/** Tokens must be short-lived: `exp` at most this far ahead (a publisher mints one per page view). */
export const AUTHOR_TOKEN_MAX_TTL_SECONDS = 24 * 3600;
const CLOCK_TOLERANCE_SECONDS = 30;
const CONTROL = /[\p{Cc}\p{Cs}]/u;

/**
 * Signed author tokens (docs/reader.md, "Signed-in readers"): a publisher whose readers are signed in passes each
 * reader's identity as a JWT, HS256, signed with that publisher's secret from AUTHOR_TOKEN_SECRETS
 * (`<publisher>:<secret>`), the publisher named in the token's `kid` header; claims `sub` (the publisher's user
 * id), `name` (the name to show) and `exp` (at most 24 hours ahead). As Coral's SSO does. Trust, blocks and history
 * then attach to `id:<publisher>:<sub>`, which no one else can claim. Anything wrong is a 401 that names it.
 */
@Injectable()
export class AuthorTokens {
  private readonly secrets = new Map<string, string[]>();
  private readonly jwt = new JwtService({});

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    for (const { publisher, secret } of config.authorTokenSecrets) this.secrets.set(publisher, [...(this.secrets.get(publisher) ?? []), secret]);
  }

  verify(token: string): VerifiedAuthor {
    if (this.secrets.size === 0) throw refused('this site accepts no author tokens (AUTHOR_TOKEN_SECRETS is not set)');
    const decoded = this.jwt.decode<{ header?: { alg?: string; kid?: unknown } } | null>(token, { complete: true });
    if (!decoded?.header) throw refused('is not a JSON Web Token');
    const { alg, kid } = decoded.header;
    if (alg !== 'HS256') throw refused(`must be signed with HS256 (this one says ${JSON.stringify(alg)})`);
    if (typeof kid !== 'string' || !kid) throw refused('has no kid header naming the publisher whose secret signed it');
    const secrets = this.secrets.get(kid);
    if (!secrets) throw refused(`names an unknown publisher in its kid header ("${kid.slice(0, 64)}")`);

    let payload: { sub?: unknown; name?: unknown; exp?: unknown } | undefined;
    let failure = '';
    for (const secret of secrets) {
      try {
        payload = this.jwt.verify(token, { secret, algorithms: ['HS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS });
        break;
      } catch (err) {
        const e = err as Error;
        failure = e.name === 'TokenExpiredError' ? 'has expired: get a fresh one from the publisher (reload the page)' : e.name === 'NotBeforeError' ? 'is not valid yet' : `is not valid: ${e.message}`;
        if (e.name !== 'JsonWebTokenError' || e.message !== 'invalid signature') break; // another secret cannot help
      }
    }
    if (!payload) throw refused(failure);
    const { sub, name, exp } = payload;
    if (typeof exp !== 'number') throw refused('has no exp claim: author tokens must expire');
    if (exp - Date.now() / 1000 > AUTHOR_TOKEN_MAX_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS) throw refused('expires more than 24 hours from now: mint short-lived tokens');
    if (typeof sub !== 'string' || !sub.trim() || sub.length > COMMENT_LIMITS.authorId || CONTROL.test(sub)) {
      throw refused(`needs a sub claim: the author's id, 1 to ${COMMENT_LIMITS.authorId} characters without control characters`);
    }
    if (typeof name !== 'string' || !name.trim() || name.trim().length > COMMENT_LIMITS.authorName || CONTROL.test(name)) {
      throw refused(`needs a name claim: the name to show, 1 to ${COMMENT_LIMITS.authorName} characters without control characters`);
    }
    return { publisher: kid, id: sub.trim(), name: name.trim() };
  }
}

function refused(problem: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: `authorToken: ${problem}`, fields: { authorToken: [problem] } });
}
