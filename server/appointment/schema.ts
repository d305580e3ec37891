// Client-safe schemas of appointments (R18, S1 p.32): the booking form and the procedures share
// them. The authority may ask only for the visitor's identity (taken from the account), the purpose
// of the visit and what is needed to size the slot (every service here books one slot).
import { z } from "zod";
import { zId } from "../ids";
import { zText } from "../text";
import { isoDate } from "../calendar/schema";

export const PURPOSE_MAX = 500;

export const zServiceCodeInput = z.object({ serviceCode: zText().min(1).max(64) });

/** The booking form's fields: the chosen slot and the purpose of the visit. */
export const zBookForm = z.object({
  startsAt: zText("Выберите дату и время приёма").min(1, "Выберите дату и время приёма").max(40),
  purpose: zText()
    .trim()
    .min(3, "Укажите цель визита: например, «подать заявление»")
    .max(PURPOSE_MAX, `Не длиннее ${PURPOSE_MAX} знаков`),
});
export type BookFormValues = z.infer<typeof zBookForm>;

export const zBookInput = zServiceCodeInput.extend(zBookForm.shape);

export const zAppointmentId = z.object({ id: zId("Запись не найдена") });

export const zDayListInput = z.object({ date: isoDate });

export const VISIT_MARKS = ["arrived", "called", "missed"] as const;
export type VisitMark = (typeof VISIT_MARKS)[number];
export const VISIT_MARK_LABEL: Record<VisitMark, string> = {
  arrived: "Пришёл",
  called: "Приглашён к окну",
  missed: "Не пришёл",
};
export const zMarkVisitInput = zAppointmentId.extend({ mark: z.enum(VISIT_MARKS) });

export const APPOINTMENT_STATUS_LABEL: Record<string, string> = {
  BOOKED: "Записан",
  CANCELLED: "Отменена",
  ATTENDED: "Принят",
  MISSED: "Не пришёл",
};
