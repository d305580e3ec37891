// What a failed tRPC call means for the form. No `data` means the request never got an answer
// (offline, aborted, a proxy's HTML page): the values stay in the browser and the save is retried.
import { TRPCClientError } from "@trpc/client";

export type RequestFailure =
  | { kind: "offline"; message: string }
  | { kind: "server"; message: string }
  /** The server is saturated and did nothing (503, issue 13 p.7): retried shortly, without alarm. */
  | { kind: "busy"; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "invalid"; message: string; fieldErrors: Record<string, string> }
  | { kind: "signed-out"; message: string }
  | { kind: "closed"; message: string }
  /** The server tried and undid everything (a result document failed to render or to be stored):
   *  nothing changed, so the form keeps its values and the same attempt may be made again. */
  | { kind: "rolled-back"; message: string }
  /** A new edition of the regulation came into force and the draft moved to it (R11): the form
   *  the applicant filled is outdated; the updated one is loaded to be reviewed. */
  | { kind: "form-updated"; message: string };

type ErrorData = { code?: string; fieldErrors?: Record<string, string> | null; appReason?: string | null } | undefined;

export function classifyRequestError(error: unknown): RequestFailure {
  if (!(error instanceof TRPCClientError)) return { kind: "offline", message: "Нет связи с сервером" };
  const data = error.data as ErrorData;
  const message = error.message;
  // Checked before the code: such a failure is sent as PRECONDITION_FAILED, which otherwise means
  // the application has moved on and the form no longer applies.
  if (data?.appReason === "effect_failed") return { kind: "rolled-back", message };
  if (data?.appReason === "form_updated") return { kind: "form-updated", message };
  switch (data?.code) {
    case undefined:
      return { kind: "offline", message: "Нет связи с сервером" };
    case "CONFLICT":
      return { kind: "conflict", message };
    case "BAD_REQUEST":
      return { kind: "invalid", message, fieldErrors: data.fieldErrors ?? {} };
    case "UNAUTHORIZED":
    case "FORBIDDEN":
      return { kind: "signed-out", message };
    case "PRECONDITION_FAILED":
    case "NOT_FOUND":
      return { kind: "closed", message };
    case "SERVICE_UNAVAILABLE":
      return { kind: "busy", message };
    default:
      return { kind: "server", message };
  }
}

export const isRetryable = (f: RequestFailure) => f.kind === "offline" || f.kind === "server" || f.kind === "busy";
