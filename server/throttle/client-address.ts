// The client's address for the throttles (./policy.ts), from the request's headers.
//
// Next's own server writes the TCP peer's address into X-Forwarded-For, but only when the request
// does not carry that header already (next/dist/server/base-server.js), and the App Router exposes
// no socket. So the header is all there is, and how far it can be believed is a deployment fact:
// TRUST_PROXY=N says N reverse proxies stand in front and each appends the address it saw; the
// client's is then the N-th entry from the right, and whatever the client wrote further left is
// ignored. With TRUST_PROXY=0 (the default, a server reached directly) the last entry is taken:
// it is the peer Next recorded, unless the client sent the header itself. Such a client can change
// its address-keyed counters at will, which is why every throttle that matters for an account is
// keyed by the account too, and why a production deployment belongs behind a proxy with
// TRUST_PROXY set (README, Security).
import { env } from "../env";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | null {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}

/** "::ffff:10.0.0.1" is 10.0.0.1: the same client over IPv4-mapped IPv6 must not get a second counter. */
const normalize = (address: string) =>
  address
    .trim()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1")
    .toLowerCase();

/** The client's address, or null when the request names none (then only per-account limits apply). */
export function clientAddress(headers: HeaderBag, trustProxy: number = env().trustProxy): string | null {
  const hops = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map(normalize)
    .filter((a) => a !== "" && a.length <= 64);
  if (hops.length === 0) return null;
  const index = trustProxy > 0 ? hops.length - trustProxy : hops.length - 1;
  return hops[Math.max(0, index)] ?? null;
}
