// Board filters live in the URL query (a reload or a shared link keeps them). Pure functions,
// used by the page on the server and by the board in the browser.
import { CHANNELS, type Channel } from "@/server/regulation/document";

export const DEADLINE_FILTERS = ["overdue", "due_soon", "on_time"] as const;
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number];

export const DEADLINE_FILTER_LABEL: Record<DeadlineFilter, string> = {
  overdue: "Просрочено",
  due_soon: "Срок истекает",
  on_time: "В срок",
};

export type BoardFilters = {
  serviceCode?: string;
  mine?: boolean;
  deadline?: DeadlineFilter;
  channel?: Channel;
  q?: string;
};

type ParamSource = { get(name: string): string | null };

const isDeadline = (v: string | null): v is DeadlineFilter => DEADLINE_FILTERS.includes(v as DeadlineFilter);
const isChannel = (v: string | null): v is Channel => CHANNELS.includes(v as Channel);

/** Unknown or malformed values are dropped rather than sent to the server (which would refuse them). */
export function parseFilters(params: ParamSource): BoardFilters {
  const service = params.get("service")?.trim();
  const deadline = params.get("deadline");
  const channel = params.get("channel");
  const q = params.get("q")?.trim().slice(0, 100);
  return {
    ...(service && /^[a-z0-9_-]{1,64}$/i.test(service) ? { serviceCode: service } : {}),
    ...(params.get("mine") === "1" ? { mine: true } : {}),
    ...(isDeadline(deadline) ? { deadline } : {}),
    ...(isChannel(channel) ? { channel } : {}),
    ...(q ? { q } : {}),
  };
}

/** Record<string, string | string[] | undefined> (a page's searchParams) as a ParamSource. */
export function paramsFromRecord(record: Record<string, string | string[] | undefined>): ParamSource {
  return {
    get: (name) => {
      const v = record[name];
      return (Array.isArray(v) ? v[0] : v) ?? null;
    },
  };
}

export function filtersToQuery(filters: BoardFilters): string {
  const params = new URLSearchParams();
  if (filters.serviceCode) params.set("service", filters.serviceCode);
  if (filters.mine) params.set("mine", "1");
  if (filters.deadline) params.set("deadline", filters.deadline);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.q) params.set("q", filters.q);
  return params.toString();
}

export const BOARD_PAGE_SIZE = 20;
