// The impact of a publication in words, with the Russian plural agreeing (issue 10 p.4).
import { describe, expect, it } from "vitest";
import { impactSentences } from "./impact-text";

const at = (iso: string) => new Date(iso);
const impact = (over: Partial<Parameters<typeof impactSentences>[0]> = {}) => ({
  effectiveFrom: at("2027-01-31T19:00:00Z"), // 01.02.2027 at UTC+5
  drafts: 3,
  open: [{ version: 2, count: 5 }],
  scheduledBefore: [],
  scheduledAfter: [],
  ...over,
});

// The municipality of the seeds (UTC+5): the dates below are its civil dates.
process.env.REGLAMENT_TIMEZONE = "Asia/Yekaterinburg";

describe("impactSentences", () => {
  it("says how many drafts move and how many open applications stay, in agreeing forms", () => {
    expect(impactSentences(impact(), 3)).toEqual([
      "3 черновика заявлений перейдут на новую редакцию 01.02.2027: каждый при следующем открытии",
      "5 заявлений в работе останутся на редакции № 2",
    ]);
    expect(
      impactSentences(
        impact({
          drafts: 1,
          open: [
            { version: 1, count: 1 },
            { version: 2, count: 21 },
          ],
        }),
        3,
      ),
    ).toEqual([
      "1 черновик заявления перейдёт на новую редакцию 01.02.2027: каждый при следующем открытии",
      "1 заявление в работе останется на редакции № 1; 21 заявление в работе останется на редакции № 2",
    ]);
    expect(impactSentences(impact({ drafts: 0, open: [] }), 1)).toEqual([
      "Черновиков заявлений по услуге нет",
      "Заявлений в работе нет",
    ]);
  });

  it("names a scheduled edition before the date and one after it", () => {
    const lines = impactSentences(
      impact({
        scheduledBefore: [{ version: 3, effectiveFrom: at("2027-01-09T19:00:00Z") }],
        scheduledAfter: [{ version: 4, effectiveFrom: at("2027-02-28T19:00:00Z") }],
      }),
      5,
    );
    expect(lines.slice(2)).toEqual([
      "Раньше вступит в силу уже опубликованная редакция № 3 (10.01.2027): черновики сначала перейдут на неё",
      "Редакция № 4 вступит в силу 01.03.2027 и заменит редакцию № 5",
    ]);
  });
});
