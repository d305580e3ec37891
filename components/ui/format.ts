import { formatDuration, type Duration } from "@/server/regulation/document";

export { formatDuration };
export type { Duration };

const dateFormat = new Intl.DateTimeFormat("ru-RU", { day: "numeric", month: "long", year: "numeric", timeZone: process.env.NEXT_PUBLIC_TIMEZONE ?? "Asia/Yekaterinburg" });
export const formatDate = (d: Date | string) => dateFormat.format(typeof d === "string" ? new Date(d) : d);
