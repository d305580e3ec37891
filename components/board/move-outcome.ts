// What a move attempt came to, from the board's point of view. The server is the one authority on
// what a transition requires (the state machine, R1/R25); the browser only reports its answer.
import { classifyRequestError } from "@/components/form/request-errors";
import type { CardTransition } from "./types";

export type MoveFields = "transition" | "executorId" | "refusalGrounds" | "resultType" | "comment";

export type MoveOutcome =
  | { kind: "moved"; transition: CardTransition; toStage: string }
  /** Someone else moved or changed the application first (stale row version). */
  | { kind: "conflict"; message: string }
  /** The application is no longer at this stage, or no longer visible to this user. */
  | { kind: "gone"; message: string }
  | { kind: "invalid"; message: string; fieldErrors: Partial<Record<MoveFields, string>>; otherErrors: string[] }
  | { kind: "failed"; message: string };

const FIELDS: readonly MoveFields[] = ["transition", "executorId", "refusalGrounds", "resultType", "comment"];

export function conflictMessage(registrationNumber: string | null, where: "board" | "card"): string {
  const what = registrationNumber ? `Заявление № ${registrationNumber}` : "Заявление";
  return where === "board"
    ? `${what} уже переместил другой сотрудник. Действие не выполнено, доска обновлена — проверьте, на каком этапе заявление сейчас.`
    : `${what} уже переместил другой сотрудник. Действие не выполнено, карточка обновлена — проверьте, на каком этапе заявление сейчас.`;
}

export function outcomeOfError(error: unknown): Exclude<MoveOutcome, { kind: "moved" }> {
  const failure = classifyRequestError(error);
  switch (failure.kind) {
    case "conflict":
      return { kind: "conflict", message: failure.message };
    case "closed":
      return { kind: "gone", message: failure.message };
    case "invalid": {
      const fieldErrors: Partial<Record<MoveFields, string>> = {};
      const otherErrors: string[] = [];
      for (const [path, message] of Object.entries(failure.fieldErrors)) {
        // zod paths may be nested ("refusalGrounds.0"); the field is the first segment.
        const field = path.split(".")[0] as MoveFields;
        if (FIELDS.includes(field)) fieldErrors[field] ??= message;
        else otherErrors.push(message);
      }
      return { kind: "invalid", message: failure.message, fieldErrors, otherErrors };
    }
    case "signed-out":
      return { kind: "failed", message: failure.message };
    case "offline":
      return { kind: "failed", message: "Нет связи с сервером: действие не выполнено. Проверьте подключение и попробуйте ещё раз." };
    case "server":
      return { kind: "failed", message: `Действие не выполнено: ${failure.message}` };
  }
}

/** Whether choosing the transition needs anything beyond the choice itself. */
export const needsInput = (t: CardTransition) => !!(t.requires.executor || t.requires.refusalGrounds || t.requires.resultType || t.requires.comment);
