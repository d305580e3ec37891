// The Origin check of the routes that change something (issue 9, item 5): a browser sends `Origin` with
// every POST, PUT, PATCH and DELETE, so a form or fetch from another site that rides on the user's
// cookies is told apart from the app's own pages and refused (403). A request without `Origin` (curl,
// a server-side client) carries no cookies of a victim's browser and is judged like any other.
// `Sec-Fetch-Site: cross-site` is refused as well, for browsers that send it but not `Origin`.

/** The message of the 403: the action was not sent from the app's own pages. */
export const CROSS_ORIGIN_MESSAGE =
  "Запрос отклонён: он отправлен не со страницы «Регламента». Откройте страницу сервиса и повторите действие.";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a state-changing request comes from another site. The app's own origin is the configured
 * public URL (NEXTAUTH_URL) or the host the request was addressed to (what the browser put in `Host`;
 * behind a TLS-terminating proxy the scheme may differ, the host does not).
 */
export function isCrossOriginWrite(req: Request, appUrl: string): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const origin = req.headers.get("origin");
  if (origin === null) return req.headers.get("sec-fetch-site") === "cross-site";
  let originUrl: URL;
  try {
    originUrl = new URL(origin); // "null" (a sandboxed frame, a file:// page) throws: cross-origin
  } catch {
    return true;
  }
  if (originUrl.origin === new URL(appUrl).origin) return false;
  const host = req.headers.get("host") ?? new URL(req.url).host;
  return originUrl.host.toLowerCase() !== host.trim().toLowerCase();
}
