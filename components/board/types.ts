// Client-side shapes of the staff procedures, inferred from the router so that the board cannot
// drift from what the server sends.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type StaffOutputs = inferRouterOutputs<AppRouter>["staff"];

export type BoardData = StaffOutputs["board"];
export type BoardColumnData = BoardData["columns"][number];
export type BoardCard = BoardColumnData["cards"][number];
export type CardTransition = BoardCard["transitions"][number];
export type StaffCardData = StaffOutputs["card"];
export type DeadlineInfo = BoardCard["deadline"];

/** What a move needs to know about the application, whether it comes from the board or the card page. */
export type MoveSubject = {
  id: string;
  registrationNumber: string | null;
  rowVersion: number;
  transitions: CardTransition[];
};
