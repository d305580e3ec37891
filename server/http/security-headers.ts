// The Content-Security-Policy of the pages (issue 9, item 5), built per request by proxy.ts with a
// fresh nonce, as Next 16's CSP guide prescribes for the App Router: Next reads the nonce from the
// request's policy and puts it on its own inline scripts (the RSC payload, `self.__next_f.push`) and
// on its chunk scripts; 'strict-dynamic' then trusts the chunks those scripts load, and nothing else
// runs. A nonce must be new for every response, so every page renders dynamically (they all read
// the session already). No 'unsafe-eval' in production: React needs it only for its development
// stack traces (`next dev`). Styles are Tailwind's compiled files ('self'); inline `<style>` of
// `next dev` is allowed only there.
//
// The other headers (nosniff, Referrer-Policy, Permissions-Policy, frame denial, and the API's own
// policy) are static and set for every path in next.config.js; HSTS is decided here at run time,
// because next.config.js headers are fixed when the app is built and the public URL is not.
// Client-safe and framework-free: proxy.ts and the tests use it.

export type PolicyOptions = {
  nonce: string;
  /** `next dev`: React's eval-based stack traces and injected styles. */
  dev: boolean;
  /** Served over HTTPS: ask browsers to upgrade any http:// subresource. */
  https: boolean;
  /** A page this app frames itself (FRAMED_BY_SELF); every other page may be framed by nobody. */
  framedBySelf?: boolean;
};

/**
 * The one page the app puts in a frame of its own: the application's print copy, printed from a
 * hidden frame by the wizard's «Распечатать» (issue 16 p.2). Same origin only; next.config.js says
 * the same with X-Frame-Options for older browsers.
 */
export const FRAMED_BY_SELF = /^\/applications\/[^/]+\/print$/;

export function contentSecurityPolicy({ nonce, dev, https, framedBySelf = false }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    framedBySelf ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS for a year, subdomains included, only when the app is served over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
