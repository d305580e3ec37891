// What a move attempt came to, from the board's point of view. The server is the one authority on
// what a transition requires (the state machine, R1/R25); the browser only reports its answer.
import { classifyRequestError } from "@/components/form/request-errors";
import type { CardTransition } from "./types";

export type MoveFields =
  | "transition"
  | "executorId"
  | "refusalGrounds"
  | "resultType"
  | "comment"
  | "doneAt"
  | "reviewed"
  | "pin"
  | "signature"
  | "cryptoProCert";

export type MoveOutcome =
  | { kind: "moved"; transition: CardTransition; toStage: string }
  /** Someone else moved or changed the application first (stale row version). */
  | { kind: "conflict"; message: string }
  /** The application is no longer at this stage, or no longer visible to this user. */
  | { kind: "gone"; message: string }
  | { kind: "invalid"; message: string; fieldErrors: Partial<Record<MoveFields, string>>; otherErrors: string[] }
  /** Nothing changed and the attempt may be repeated: the dialog stays open with what was typed. */
  | { kind: "failed"; message: string };

const FIELDS: readonly MoveFields[] = [
  "transition",
  "executorId",
  "refusalGrounds",
  "resultType",
  "comment",
  "doneAt",
  "reviewed",
  "pin",
  "signature",
  "cryptoProCert",
];

/**
 * Messages joined into one text, each ending with one full stop: a server's message may or may not
 * end with one ("…на прежнем этапе." + ". Доска обновлена." must not read "этапе.. Доска").
 * A sentence ending in "?", "!" or "…" keeps its own mark.
 */
export function joinSentences(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ?? "").trim().replace(/[\s.,;:]+$/u, ""))
    .filter((p) => p !== "")
    .map((p) => (/[?!…]$/u.test(p) ? p : `${p}.`))
    .join(" ");
}

export function conflictMessage(registrationNumber: string | null, where: "board" | "card"): string {
  const what = registrationNumber ? `Заявление № ${registrationNumber}` : "Заявление";
  return where === "board"
    ? `${what} уже переместил другой сотрудник. Действие не выполнено, доска обновлена — проверьте, на каком этапе заявление сейчас.`
    : `${what} уже переместил другой сотрудник. Действие не выполнено, карточка обновлена — проверьте, на каком этапе заявление сейчас.`;
}

/**
 * The alert for a move that did not happen, worded the same on the board and on the card page.
 * `refresh`: what the page shows is out of date (someone else moved the application, or it left
 * this stage or this user's sight) and is to be loaded again.
 */
export function failureAlert(
  outcome: Exclude<MoveOutcome, { kind: "moved" }>,
  registrationNumber: string | null,
  where: "board" | "card",
): { text: string; refresh: boolean } {
  switch (outcome.kind) {
    case "conflict":
      return { text: conflictMessage(registrationNumber, where), refresh: true };
    case "gone":
      return {
        text: joinSentences(
          `Действие не выполнено: ${outcome.message}`,
          where === "board" ? "Доска обновлена" : "Карточка обновлена",
        ),
        refresh: true,
      };
    case "invalid":
      return {
        text: joinSentences(outcome.message, ...Object.values(outcome.fieldErrors), ...outcome.otherErrors),
        refresh: false,
      };
    case "failed":
      return { text: outcome.message, refresh: false };
  }
}

export function outcomeOfError(error: unknown): Exclude<MoveOutcome, { kind: "moved" }> {
  const failure = classifyRequestError(error);
  switch (failure.kind) {
    case "conflict":
      return { kind: "conflict", message: failure.message };
    case "closed":
    case "form-updated": // an applicant's draft only; never the answer to a move
      return { kind: "gone", message: failure.message };
    case "invalid": {
      const fieldErrors: Partial<Record<MoveFields, string>> = {};
      const otherErrors: string[] = [];
      for (const [path, message] of Object.entries(failure.fieldErrors)) {
        // zod paths may be nested ("refusalGrounds.0"); the field is the first segment, but for the
        // signing input, whose field is the second ("signing.pin").
        const parts = path.split(".");
        const field = (parts[0] === "signing" ? parts[1] : parts[0]) as MoveFields;
        if (FIELDS.includes(field)) fieldErrors[field] ??= message;
        else otherErrors.push(message);
      }
      return { kind: "invalid", message: failure.message, fieldErrors, otherErrors };
    }
    case "rolled-back":
      // A result document failed to render or to be stored: the move was undone as a whole. The
      // server's message already says so (and that the application stayed where it was).
      return { kind: "failed", message: failure.message };
    case "signed-out":
    case "busy": // a saturated server did nothing (503): its message says to retry in a few seconds
      return { kind: "failed", message: failure.message };
    case "offline":
      return {
        kind: "failed",
        message: "Нет связи с сервером: действие не выполнено. Проверьте подключение и попробуйте ещё раз.",
      };
    case "server":
      return { kind: "failed", message: joinSentences(`Действие не выполнено: ${failure.message}`) };
  }
}

/** Whether choosing the transition needs anything beyond the choice itself. */
export const needsInput = (t: CardTransition) =>
  !!(t.requires.executor || t.requires.refusalGrounds || t.requires.resultType || t.requires.comment || t.signs);
