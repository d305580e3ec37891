// Where to go after signing in (issue 9, item 5). `callbackUrl` comes from the address bar, so it is an
// attacker's to choose: `//evil.example` passed the old `startsWith("/")` check and sent a freshly
// signed-in user to another site. A callback is kept only when it resolves to the app's own origin,
// and it is then reduced to a path (never a scheme or a host), so nothing a browser reads differently
// (`/\evil.example`, tabs and newlines in the middle, `javascript:`) can leave the app.
// Client-safe: the sign-in form and the OIDC button use it too.

/** Where a signed-in user goes when the callback is missing or refused: their own area. */
export const DEFAULT_AFTER_SIGN_IN = "/after-sign-in";

/**
 * The callback as a path of the app (`/cabinet?x=1#y`), or DEFAULT_AFTER_SIGN_IN when it does not
 * resolve to `appOrigin` over http(s).
 */
export function safeCallbackUrl(raw: unknown, appOrigin: string): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2048) return DEFAULT_AFTER_SIGN_IN;
  // Browsers read "\" as "/" and drop tabs and newlines inside a URL: refuse rather than guess.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return DEFAULT_AFTER_SIGN_IN;
  let origin: URL;
  let url: URL;
  try {
    origin = new URL(appOrigin);
    url = new URL(raw, origin);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== origin.origin)
    return DEFAULT_AFTER_SIGN_IN;
  // "https://app//evil.example" has the path "//evil.example", a protocol-relative address on its own.
  const path = `/${url.pathname.replace(/^\/+/, "")}`;
  return `${path}${url.search}${url.hash}`;
}
