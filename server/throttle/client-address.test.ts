// Which address the throttles count a request against (TRUST_PROXY, issue 9 item 3): a client may
// write X-Forwarded-For itself, so only the entries the trusted proxies appended are believed.
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("the client address", () => {
  it("is the peer Next recorded when no proxy is trusted", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:10.1.2.3" }), 0)).toBe("10.1.2.3");
    expect(clientAddress({ "x-forwarded-for": "2001:DB8::1" }, 0)).toBe("2001:db8::1");
    expect(clientAddress(new Headers(), 0)).toBeNull();
  });

  it("is the entry the outermost trusted proxy appended: what the client wrote before it is ignored", () => {
    const spoofed = new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.5, 10.0.0.2" });
    expect(clientAddress(spoofed, 1)).toBe("10.0.0.2");
    expect(clientAddress(spoofed, 2)).toBe("203.0.113.5");
    // More proxies configured than entries present: the leftmost is all there is.
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.5" }), 3)).toBe("203.0.113.5");
    expect(clientAddress({ "x-forwarded-for": ["198.51.100.1", "10.0.0.2"] }, 2)).toBe("198.51.100.1");
  });
});
