// Terms as the public service page and the notices print them (issue 12, p.10: «в течение» governs
// the genitive — «в течение 1 рабочего дня», «2 рабочих дней», not «1 рабочий день»).
import { describe, expect, it } from "vitest";
import { formatAtMost, formatDuration, formatWithin } from "./document";

describe("terms in Russian", () => {
  it("counts a term in the nominative", () => {
    expect(formatDuration({ value: 1, unit: "working_days" })).toBe("1 рабочий день");
    expect(formatDuration({ value: 3, unit: "working_days" })).toBe("3 рабочих дня");
    expect(formatDuration({ value: 30, unit: "calendar_days" })).toBe("30 календарных дней");
    expect(formatDuration({ value: 11, unit: "working_days" })).toBe("11 рабочих дней");
    expect(formatDuration({ value: 21, unit: "calendar_days" })).toBe("21 календарный день");
  });

  it("says «в течение» with the genitive, and a zero term as the day of arrival", () => {
    expect(formatWithin({ value: 1, unit: "working_days" })).toBe("в течение 1 рабочего дня");
    expect(formatWithin({ value: 2, unit: "working_days" })).toBe("в течение 2 рабочих дней");
    expect(formatWithin({ value: 5, unit: "working_days" })).toBe("в течение 5 рабочих дней");
    expect(formatWithin({ value: 11, unit: "working_days" })).toBe("в течение 11 рабочих дней");
    expect(formatWithin({ value: 21, unit: "calendar_days" })).toBe("в течение 21 календарного дня");
    expect(formatWithin({ value: 15, unit: "working_minutes" })).toBe("в течение 15 минут");
    expect(formatWithin({ value: 1, unit: "working_minutes" })).toBe("в течение 1 минуты");
    expect(formatWithin({ value: 0, unit: "working_days" })).toBe("в день поступления");
  });

  it("says «не более» with the genitive: the queue time of S1 p.22 on the service page", () => {
    expect(formatAtMost({ value: 15, unit: "working_minutes" })).toBe("не более 15 минут");
    expect(formatAtMost({ value: 1, unit: "working_minutes" })).toBe("не более 1 минуты");
    expect(formatAtMost({ value: 21, unit: "working_minutes" })).toBe("не более 21 минуты");
    expect(formatAtMost({ value: 3, unit: "working_days" })).toBe("не более 3 рабочих дней");
  });
});
