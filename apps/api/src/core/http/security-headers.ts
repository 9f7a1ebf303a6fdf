/**
 * The pages' security headers (docs/operations.md, "Security: pages"), one place for both pages.
 *
 * - The dashboard (index.html and everything served with it): same-origin scripts, requests, images and fonts;
 *   inline styles allowed (MUI/emotion writes its CSS into <style> tags at run time); framed by nobody
 *   (`frame-ancestors 'none'`, and X-Frame-Options for browsers without CSP 3): staff pages with Approve/Hide buttons
 *   must not be clickjacked from a foreign frame.
 * - The reader page (`/read/:externalId` and `/reader.html`): no inline anything, framable by the publisher origins
 *   of CORS_ORIGINS (by any site when that list is empty: the embed is meant to go anywhere).
 */
export function dashboardHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  };
}

export function readerPageHeaders(corsOrigins: string[]): Record<string, string> {
  const ancestors = corsOrigins.length > 0 ? `'self' ${corsOrigins.join(' ')}` : '*';
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "base-uri 'self'",
      "form-action 'none'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
