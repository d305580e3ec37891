// The arithmetic of the throttles (issue 9, item 3): the progressive delay, the lock, the cap and
// the end of a window, as the refused attempt is told how long to wait.
import { describe, expect, it } from "vitest";
import { blockedFor, delayAfter, THROTTLES, waitPhrase } from "./policy";

const at = (ms: number) => new Date(Date.UTC(2026, 10, 30, 10, 0, 0) + ms);

describe("throttle rules", () => {
  it("let the free attempts pass, then double the delay up to its ceiling", () => {
    const rule = THROTTLES.signInAccount;
    expect([0, 4].map((n) => delayAfter(rule, n))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfter(rule, n))).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfter(rule, 29)).toBe(rule.maxDelayMs);
    expect(delayAfter(rule, 10_000)).toBe(rule.maxDelayMs);
  });

  it("tell the refused how long to wait: the delay, the lock, or the end of a capped window", () => {
    const signIn = THROTTLES.signInAccount;
    expect(blockedFor(signIn, null, at(0))).toBe(0);
    const delayed = { windowStart: at(0), count: 6, lastAt: at(0), lockedUntil: null };
    expect(blockedFor(signIn, delayed, at(500))).toBe(1500);
    expect(blockedFor(signIn, delayed, at(2000))).toBe(0);
    const locked = { windowStart: at(0), count: 30, lastAt: at(0), lockedUntil: at(15 * 60_000) };
    expect(blockedFor(signIn, locked, at(60_000))).toBe(14 * 60_000);
    // A lock that has ended starts a new count; one that outlasts its window still holds.
    expect(blockedFor(signIn, locked, at(15 * 60_000))).toBe(0);
    const late = { windowStart: at(0), count: 30, lastAt: at(59 * 60_000), lockedUntil: at(74 * 60_000) };
    expect(blockedFor(signIn, late, at(61 * 60_000))).toBe(13 * 60_000);

    const links = THROTTLES.accountLinks;
    const full = { windowStart: at(0), count: links.cap, lastAt: at(10_000), lockedUntil: null };
    expect(blockedFor(links, full, at(20 * 60_000))).toBe(40 * 60_000);
    expect(blockedFor(links, full, at(links.windowMs))).toBe(0);
    expect(blockedFor(links, { ...full, count: links.cap - 1 }, at(20 * 60_000))).toBe(0);
  });

  it("word the wait in Russian, rounded up", () => {
    expect(waitPhrase(1)).toBe("через 1 секунду");
    expect(waitPhrase(4000)).toBe("через 4 секунды");
    expect(waitPhrase(59_000)).toBe("через 59 секунд");
    expect(waitPhrase(61_000)).toBe("через 2 минуты");
    expect(waitPhrase(15 * 60_000)).toBe("через 15 минут");
    expect(waitPhrase(21 * 60_000)).toBe("через 21 минуту");
    expect(waitPhrase(23 * 3_600_000)).toBe("через 23 часа");
  });
});
