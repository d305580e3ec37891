// The browser's copy of a draft (R15: entered values are never lost). Written on every change
// until the server acknowledges a save, removed after; read on load and restored when it holds
// changes the server does not have. Storage may be unavailable (private mode, quota): every call
// degrades to "no copy" rather than breaking the form.
import type { FormValues } from "./values";

export type LocalDraft = {
  values: FormValues;
  currentStep: string | null;
  /** The server row version these values were edited on top of. */
  baseRowVersion: number;
  /** When the values were last changed in the browser (ISO). */
  updatedAt: string;
};

export type DraftStorage = {
  read(): LocalDraft | null;
  write(draft: LocalDraft): void;
  remove(): void;
};

export const localDraftKey = (applicationId: string) => `reglament:draft:${applicationId}`;

function parse(raw: string | null): LocalDraft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    if (
      typeof d !== "object" ||
      d === null ||
      typeof d.values !== "object" ||
      d.values === null ||
      Array.isArray(d.values)
    )
      return null;
    if (typeof d.baseRowVersion !== "number" || typeof d.updatedAt !== "string") return null;
    return {
      values: d.values,
      currentStep: typeof d.currentStep === "string" ? d.currentStep : null,
      baseRowVersion: d.baseRowVersion,
      updatedAt: d.updatedAt,
    };
  } catch {
    return null;
  }
}

export function browserDraftStorage(applicationId: string): DraftStorage {
  const key = localDraftKey(applicationId);
  return {
    read() {
      try {
        return parse(window.localStorage.getItem(key));
      } catch {
        return null;
      }
    },
    write(draft) {
      try {
        window.localStorage.setItem(key, JSON.stringify(draft));
      } catch {
        // Quota or disabled storage: the server save is still attempted.
      }
    },
    remove() {
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Nothing to remove.
      }
    },
  };
}

/**
 * Whether the browser copy should replace the server's values on load: it differs, and either no
 * save reached the server since it was based (clock-independent) or it was changed after the
 * server's last save. A copy based on an older row version is still restored when newer: the
 * next save then meets the conflict dialog instead of silently overwriting the other device.
 */
export function shouldRestore(
  local: LocalDraft,
  server: { rowVersion: number; savedAt: Date },
  sameValues: boolean,
): boolean {
  if (sameValues) return false;
  if (local.baseRowVersion >= server.rowVersion) return true;
  const changed = Date.parse(local.updatedAt);
  return Number.isFinite(changed) && changed > server.savedAt.getTime();
}
