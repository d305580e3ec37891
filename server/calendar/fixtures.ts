// A stand-in for the decree on transferring days off in 2027, for tests, the end-to-end spec and the
// demo (issue 11). The real decree for 2027 is not in this repository. 2027 falls on the same
// weekdays as 2021 (a common year starting on Friday), so this repeats the pattern of the 2021 decree
// (постановление Правительства РФ от 10.10.2020 № 1648): the New Year weekend days Sat 2 and Sun 3
// January move to Fri 5 November and Fri 31 December, and Sat 20 February is worked for Mon 22
// February, a shortened day (the official 2021 calendar: 247 days, 1972 hours). Its number and date are
// invented: "№ 1500 от 25.09.2026".
import type { DecreeInput } from "./schema";

export const DECREE_2027_STAND_IN: DecreeInput = {
  year: 2027,
  decreeNumber: "1500",
  decreeDate: "2026-09-25",
  transfers: [
    { from: "2027-01-02", to: "2027-11-05" },
    { from: "2027-01-03", to: "2027-12-31" },
    { from: "2027-02-20", to: "2027-02-22" },
  ],
  holidays: [],
  // As Sat 20 February 2021: the worked Saturday before the holiday of 23 February is an hour shorter.
  shortened: [{ date: "2027-02-20" }],
};
