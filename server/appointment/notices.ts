// Texts of the appointment notices (R18, R19): the confirmation with date, time and place (the
// shared booking template) and the code to name at the reception; the day-before reminder. Kept
// beside the appointments (the shared templates are another module's).
import { formatDate, formatTime } from "../format/dates";
import { bookingConfirmedMessage, type Message } from "../notification/templates";

export type AppointmentFacts = {
  recipientName?: string | null;
  serviceTitle: string;
  at: Date;
  place: string;
  code: string;
  cabinetUrl: string;
  timeZone?: string;
};

const codeLine = (code: string) => `Код записи: ${code}. Назовите его в приёмной.`;

export function appointmentBookedMessage(f: AppointmentFacts): Message {
  const m = bookingConfirmedMessage(f);
  const [greeting, ...rest] = m.body.split("\n\n");
  return { title: m.title, body: [greeting, ...rest.slice(0, 2), codeLine(f.code), ...rest.slice(2)].join("\n\n") };
}

export function appointmentReminderMessage(f: AppointmentFacts): Message {
  const date = formatDate(f.at, f.timeZone);
  const time = formatTime(f.at, f.timeZone);
  const greeting = f.recipientName?.trim() ? `Здравствуйте, ${f.recipientName.trim()}!` : "Здравствуйте!";
  return {
    title: `Напоминание: приём ${date} в ${time}`,
    body: [
      greeting,
      `Напоминаем, что вы записаны на приём по услуге «${f.serviceTitle}».`,
      `Дата: ${date}\nВремя: ${time}\nМесто: ${f.place}`,
      codeLine(f.code),
      "Пожалуйста, возьмите с собой документ, удостоверяющий личность.",
      `Если вы не сможете прийти, отмените запись в личном кабинете: ${f.cabinetUrl}`,
    ].join("\n\n"),
  };
}
