// next-auth's `signOut` (next-auth/react) without next-auth/react: the same two requests to
// /api/auth, then to the callback address. next-auth/react with its Babel runtime was 12 kB gzip of
// every page's JavaScript, for this button (issue 13 p.6). Its cross-tab broadcast is left out:
// nothing in the browser listens (no SessionProvider).
export async function signOut({ callbackUrl = "/" }: { callbackUrl?: string } = {}): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken?: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl, json: "true" }),
  });
  const data = (await res.json()) as { url?: string };
  const url = data.url ?? callbackUrl;
  window.location.href = url;
  if (url.includes("#")) window.location.reload();
}
