/**
 * Keeps a draft saved (R15: "save entered values at any moment, including after input errors").
 *
 * Framework-free so that a unit test can drive it with fake timers; the wizard binds it to React
 * with useSyncExternalStore. The rules:
 * - every change is written to the browser copy at once and saved to the server 1.5 s after the
 *   typing stops (or at once on request: the button, an uploaded file, a step change is debounced
 *   like typing);
 * - one request at a time; changes made while it is in flight are saved right after;
 * - the browser copy is removed only when the server acknowledged the latest values;
 * - a failed save without an answer is retried with backoff, on the `online` event and on the
 *   next change; a refusal that a retry cannot fix (conflict, signed out, invalid) waits for the
 *   applicant;
 * - a CONFLICT (another tab or device saved first) never overwrites: the applicant chooses.
 */
import type { DraftStorage, LocalDraft } from "./local-draft";
import { classifyRequestError, isRetryable, type RequestFailure } from "./request-errors";
import { cloneValues, fingerprint, type FormValues } from "./values";

export type SaveDraftRequest = {
  id: string;
  values: FormValues;
  currentStep: string | null;
  expectedRowVersion: number;
  overwrite?: boolean;
};
export type SaveDraftResponse = { rowVersion: number; savedAt: Date };

export type SyncSnapshot = {
  /** A request is in flight. */
  saving: boolean;
  /** Values changed since the last acknowledged save. */
  dirty: boolean;
  savedAt: Date;
  rowVersion: number;
  failure: RequestFailure | null;
  /** The values came from the browser copy and have not reached the server yet. */
  restored: boolean;
  /** Submitted: nothing more is saved. */
  closed: boolean;
};

export type DraftSyncOptions = {
  id: string;
  values: FormValues;
  currentStep: string | null;
  rowVersion: number;
  savedAt: Date;
  storage: DraftStorage;
  send: (input: SaveDraftRequest) => Promise<SaveDraftResponse>;
  /** The values are the browser copy restored on load: save them at start. */
  restored?: boolean;
  debounceMs?: number;
  retryDelaysMs?: number[];
  /** A number in [0, 1) spreading retries after a 503 over half the delay again (Math.random). */
  jitter?: () => number;
  classify?: (error: unknown) => RequestFailure;
  now?: () => Date;
  onConflict?: (failure: RequestFailure) => void;
  onInvalid?: (fieldErrors: Record<string, string>) => void;
};

const DEFAULT_DEBOUNCE_MS = 1_500;
const DEFAULT_RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000, 60_000];

export class DraftSync {
  private readonly opts: DraftSyncOptions;
  private values: FormValues;
  private step: string | null;
  private lastFingerprint: string;
  private revision = 0;
  private savedRevision = 0;
  private rowVersion: number;
  private savedAt: Date;
  private failure: RequestFailure | null = null;
  private restored: boolean;
  private closed = false;
  private overwriteNext = false;
  private forceNext = false;
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private listeners = new Set<() => void>();
  private snapshot: SyncSnapshot;
  private detach: (() => void) | null = null;
  /** Fingerprint of what this tab last wrote to the browser copy (another tab shares the key). */
  private persistedFingerprint: string | null = null;

  constructor(opts: DraftSyncOptions) {
    this.opts = opts;
    this.values = cloneValues(opts.values);
    this.step = opts.currentStep;
    this.lastFingerprint = fingerprint(this.values, this.step);
    this.rowVersion = opts.rowVersion;
    this.savedAt = opts.savedAt;
    this.restored = !!opts.restored;
    if (this.restored) this.revision = 1;
    this.snapshot = this.makeSnapshot();
  }

  // --- React binding ----------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SyncSnapshot => this.snapshot;

  private makeSnapshot(): SyncSnapshot {
    return {
      saving: this.inFlight !== null,
      dirty: this.revision !== this.savedRevision,
      savedAt: this.savedAt,
      rowVersion: this.rowVersion,
      failure: this.failure,
      restored: this.restored,
      closed: this.closed,
    };
  }

  private emit() {
    this.snapshot = this.makeSnapshot();
    for (const l of this.listeners) l();
  }

  // --- Lifecycle --------------------------------------------------------------------------

  /** Starts listening to the browser (online, page hidden) and saves a restored copy. */
  start(): () => void {
    if (typeof window !== "undefined" && !this.detach) {
      const online = () => this.retryNow();
      const hidden = () => {
        if (document.visibilityState === "hidden") this.retryNow();
      };
      window.addEventListener("online", online);
      document.addEventListener("visibilitychange", hidden);
      window.addEventListener("pagehide", online);
      this.detach = () => {
        window.removeEventListener("online", online);
        document.removeEventListener("visibilitychange", hidden);
        window.removeEventListener("pagehide", online);
      };
    }
    if (this.restored && this.isDirty()) {
      this.persistLocal();
      this.retryNow();
    }
    return () => this.stop();
  }

  stop() {
    this.clearTimer();
    this.detach?.();
    this.detach = null;
  }

  // --- Input --------------------------------------------------------------------------------

  get currentRowVersion() {
    return this.rowVersion;
  }

  isDirty() {
    return this.revision !== this.savedRevision;
  }

  /** Values or the current step changed (any source: typing, an upload, a step change). */
  change(values: FormValues, step: string | null = this.step) {
    if (this.closed) return;
    const fp = fingerprint(values, step);
    if (fp === this.lastFingerprint) return;
    this.lastFingerprint = fp;
    this.values = cloneValues(values);
    this.step = step;
    this.revision++;
    this.persistLocal();
    if (this.failure?.kind !== "conflict") this.schedule(this.opts.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    this.emit();
  }

  setStep(step: string | null) {
    this.change(this.values, step);
  }

  /**
   * "Сохранить черновик", an uploaded file: save now (also after a refusal, to try again).
   * `force` saves even unchanged values, so the button always answers with a fresh time.
   */
  saveNow(opts: { force?: boolean } = {}): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.failure?.kind === "conflict") {
      this.opts.onConflict?.(this.failure);
      return Promise.resolve(false);
    }
    if (opts.force) this.forceNext = true;
    this.clearTimer();
    return this.autoSave();
  }

  /** A conflict met elsewhere (the submission): the same choice as for a save. */
  reportConflict(failure: RequestFailure) {
    this.clearTimer();
    this.failure = failure;
    this.emit();
    this.opts.onConflict?.(failure);
  }

  /** Saves whatever is unsaved and tells whether the server now has the latest values. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    for (let i = 0; i < 3; i++) {
      if (this.inFlight) await this.inFlight;
      if (this.closed || this.failure?.kind === "conflict") return false;
      if (!this.isDirty()) return true;
      if (!(await this.saveOnce())) return false;
    }
    return !this.isDirty();
  }

  // --- Conflict resolution ------------------------------------------------------------------

  /** «Оставить мои изменения»: save this tab's values over the newer server version. */
  keepMine(): Promise<boolean> {
    this.failure = null;
    this.overwriteNext = true;
    this.emit();
    this.clearTimer();
    return this.autoSave();
  }

  /** «Загрузить сохранённую версию»: the server's values replace this tab's (the caller resets the form). */
  acceptServer(server: { values: FormValues; rowVersion: number; savedAt: Date }) {
    this.clearTimer();
    this.values = cloneValues(server.values);
    this.lastFingerprint = fingerprint(this.values, this.step);
    this.rowVersion = server.rowVersion;
    this.savedAt = server.savedAt;
    this.savedRevision = this.revision;
    this.failure = null;
    this.overwriteNext = false;
    this.restored = false;
    this.attempt = 0;
    this.removeOwnCopy();
    this.emit();
  }

  /** The application was submitted: stop saving and drop the browser copy. */
  close() {
    this.closed = true;
    this.clearTimer();
    this.opts.storage.remove();
    this.emit();
  }

  // --- Saving -------------------------------------------------------------------------------

  private retryNow() {
    if (this.closed || !this.isDirty() || this.failure?.kind === "conflict") return;
    this.clearTimer();
    void this.autoSave();
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.autoSave();
    }, ms);
  }

  private clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async autoSave(): Promise<boolean> {
    const ok = await this.saveOnce();
    if (ok) {
      this.attempt = 0;
      return true;
    }
    if (this.failure && isRetryable(this.failure) && !this.closed) {
      const delays = this.opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
      const delay = delays[Math.min(this.attempt, delays.length - 1)] ?? 60_000;
      // A saturated server (503): the many tabs it refused must not all come back at one instant.
      this.schedule(this.failure.kind === "busy" ? delay * (1 + (this.opts.jitter ?? Math.random)() / 2) : delay);
      this.attempt++;
    }
    return false;
  }

  /** One request with the latest values; waits for a request in flight first. */
  private async saveOnce(): Promise<boolean> {
    while (this.inFlight) await this.inFlight;
    if (this.closed) return false;
    if (!this.isDirty() && !this.overwriteNext && !this.forceNext) return true;
    const revision = this.revision;
    const overwrite = this.overwriteNext;
    this.forceNext = false;
    const request: SaveDraftRequest = {
      id: this.opts.id,
      values: cloneValues(this.values),
      currentStep: this.step,
      expectedRowVersion: this.rowVersion,
      ...(overwrite ? { overwrite: true } : {}),
    };
    const run = (async () => {
      try {
        const result = await this.opts.send(request);
        this.rowVersion = result.rowVersion;
        this.savedAt = result.savedAt;
        this.savedRevision = revision;
        this.failure = null;
        this.overwriteNext = false;
        this.restored = false;
        // Newer changes typed during the request keep their browser copy, now based on this version.
        if (this.isDirty()) this.persistLocal();
        else this.removeOwnCopy();
        return true;
      } catch (error) {
        const failure = (this.opts.classify ?? classifyRequestError)(error);
        this.failure = failure;
        if (failure.kind === "conflict") this.opts.onConflict?.(failure);
        if (failure.kind === "invalid") this.opts.onInvalid?.(failure.fieldErrors);
        return false;
      }
    })();
    this.inFlight = run;
    this.emit();
    try {
      return await run;
    } finally {
      this.inFlight = null;
      this.emit();
    }
  }

  /**
   * Drops the browser copy if it is the one this tab wrote: a second tab of the same draft may have
   * written unsaved values of its own under the same key since.
   */
  private removeOwnCopy() {
    const stored = this.opts.storage.read();
    if (
      stored &&
      this.persistedFingerprint !== null &&
      fingerprint(stored.values, stored.currentStep) === this.persistedFingerprint
    ) {
      this.opts.storage.remove();
    }
    this.persistedFingerprint = null;
  }

  private persistLocal() {
    this.persistedFingerprint = fingerprint(this.values, this.step);
    const draft: LocalDraft = {
      values: this.values,
      currentStep: this.step,
      baseRowVersion: this.rowVersion,
      updatedAt: (this.opts.now?.() ?? new Date()).toISOString(),
    };
    this.opts.storage.write(draft);
  }
}
