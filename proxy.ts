// Next 16's proxy (formerly middleware): the Content-Security-Policy of every page with a fresh nonce,
// and HSTS when the app is served over HTTPS (server/http/security-headers.ts says why).
//
// Not for /api: a proxy makes Next buffer the request body of every path it matches (up to
// `proxyClientMaxBodySize`, and then only a truncated part reaches the route), which would undo the
// bounded, streamed bodies of the API (server/http/body.ts). API answers get their own static policy
// in next.config.js.
import { NextResponse, type NextRequest } from "next/server";
import {
  contentSecurityPolicy,
  FRAMED_BY_SELF,
  newNonce,
  STRICT_TRANSPORT_SECURITY,
} from "./server/http/security-headers";
import { env } from "./server/env";

export function proxy(request: NextRequest) {
  const https = env().appUrl.startsWith("https://") || request.nextUrl.protocol === "https:";
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https,
    framedBySelf: FRAMED_BY_SELF.test(request.nextUrl.pathname),
  });
  // Next takes the nonce from the request's policy and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, not Next's static files, not the files of public/.
      source: "/((?!api/|_next/static|_next/image|favicon|icon|apple-icon|manifest|robots).*)",
      // Prefetches carry no page of their own to protect.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
