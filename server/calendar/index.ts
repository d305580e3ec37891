/** Public API of the working-day calendar (R4, R7). Framework-free: safe for server and tests. */
export type { CalendarDay, CalendarYear, DayKind } from "./types";
export {
  DECREE_2025,
  DECREE_2026,
  LABOUR_CODE_HOLIDAYS,
  NORMAL_WORK_MINUTES,
  SHORTENED_WORK_MINUTES,
  TRANSFER_DECREES,
  calendarYear,
  calendarYears,
  deriveYearFromLabourCode,
  yearWithDecree,
} from "./russia";
export type { DayOffTransfer, LabourCodeHoliday, TransferDecree, WorkMinutesAdjustment } from "./russia";
export { WorkingCalendar, russianWorkingCalendar } from "./working-calendar";
export type { WorkingCalendarOptions } from "./working-calendar";
export { DEADLINE_STATUS_LABEL, deadlineStatus } from "./deadline-status";
export type { DeadlineStatus, DeadlineStatusOptions } from "./deadline-status";
