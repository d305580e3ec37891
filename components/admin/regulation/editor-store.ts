/**
 * The state of the regulation editor (issue 10 p.3): the draft document, its row version, the undo
 * history and the autosave. Framework-free so that a unit test drives it with fake timers; the editor
 * binds it to React with useSyncExternalStore. The rules:
 * - `change(label, mutate)` edits a copy (structuredClone), so every state in the history is an
 *   untouched snapshot; the label names the change for the undo buttons («Отменить: Добавлено поле»);
 * - typing in one control is one change: consecutive changes with the same `coalesce` key (the path
 *   being edited) merge into one history entry; the history keeps the last 50 entries;
 * - the problem list is live: every state is validated at once in the browser with the server's own
 *   validateDocument; after a save the server's problems for the saved document replace them;
 * - the draft is saved about 1 s after the last change, one request at a time; changes made while a
 *   request is in flight are saved right after it;
 * - a save without an answer (offline, 5xx) is retried with backoff and on the next change;
 * - a CONFLICT (another administrator saved first) never overwrites and is never dropped: the
 *   editor asks «keep my version» (saved over the server's current row version) or «take the
 *   server's version», which is itself an undoable change, so even that choice loses nothing.
 */
import { classifyRequestError, isRetryable, type RequestFailure } from "@/components/form/request-errors";
import { validateDocument, type DocumentProblem, type RegulationDocument } from "@/server/regulation/document";

export type SaveRequest = { document: RegulationDocument; expectedRowVersion: number };
export type SaveResponse = { rowVersion: number; updatedAt: Date | string; problems: DocumentProblem[] };
export type ServerEdition = { document: RegulationDocument; rowVersion: number; updatedAt: Date | string };

export type SaveStatus =
  | { kind: "saved"; at: Date }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "retrying"; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "signed-out"; message: string }
  | { kind: "closed"; message: string };

export type EditorSnapshot = {
  doc: RegulationDocument;
  problems: DocumentProblem[];
  status: SaveStatus;
  rowVersion: number;
  /** Changes not yet acknowledged by the server. */
  dirty: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
};

export type EditorStoreOptions = {
  document: RegulationDocument;
  rowVersion: number;
  savedAt: Date;
  /** The problems the server reported for the loaded document (validateDocument on the server). */
  problems?: DocumentProblem[];
  save: (input: SaveRequest) => Promise<SaveResponse>;
  /** The server's current edition: «keep mine» needs its row version, «take the server's» its document. */
  load: () => Promise<ServerEdition>;
  debounceMs?: number;
  retryDelaysMs?: number[];
  historyLimit?: number;
  classify?: (error: unknown) => RequestFailure;
  onConflict?: (message: string) => void;
};

export const AUTOSAVE_DEBOUNCE_MS = 1_000;
export const HISTORY_LIMIT = 50;
const DEFAULT_RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000, 60_000];

type Entry = { label: string; doc: RegulationDocument };

/** The problems of a document as the server would report them (the same function, client-safe). */
export function problemsOf(doc: unknown): DocumentProblem[] {
  const checked = validateDocument(doc);
  return checked.ok ? [] : checked.problems;
}

export class EditorStore {
  private readonly opts: EditorStoreOptions;
  private doc: RegulationDocument;
  private past: Entry[] = [];
  private future: Entry[] = [];
  /** The coalesce key of the newest history entry: the next change with the same key merges into it. */
  private openKey: string | null = null;
  private revision = 0;
  private savedRevision = 0;
  private rowVersion: number;
  private savedAt: Date;
  private serverProblems: { revision: number; problems: DocumentProblem[] } | null;
  private clientProblems: { revision: number; problems: DocumentProblem[] } | null = null;
  private failure: RequestFailure | null = null;
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private listeners = new Set<() => void>();
  private snapshot: EditorSnapshot;

  constructor(opts: EditorStoreOptions) {
    this.opts = opts;
    this.doc = structuredClone(opts.document);
    this.rowVersion = opts.rowVersion;
    this.savedAt = opts.savedAt;
    this.serverProblems = opts.problems ? { revision: 0, problems: opts.problems } : null;
    this.snapshot = this.makeSnapshot();
  }

  // --- React binding ----------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): EditorSnapshot => this.snapshot;

  private problems(): DocumentProblem[] {
    if (this.serverProblems?.revision === this.revision) return this.serverProblems.problems;
    if (this.clientProblems?.revision !== this.revision)
      this.clientProblems = { revision: this.revision, problems: problemsOf(this.doc) };
    return this.clientProblems.problems;
  }

  private status(): SaveStatus {
    const f = this.failure;
    if (f) {
      switch (f.kind) {
        case "conflict":
          return { kind: "conflict", message: f.message };
        case "invalid":
          return { kind: "invalid", message: f.message };
        case "signed-out":
          return { kind: "signed-out", message: f.message };
        case "offline":
        case "server":
          return { kind: "retrying", message: f.message };
        default:
          return { kind: "closed", message: f.message };
      }
    }
    if (this.inFlight) return { kind: "saving" };
    if (this.isDirty()) return { kind: "pending" };
    return { kind: "saved", at: this.savedAt };
  }

  private makeSnapshot(): EditorSnapshot {
    return {
      doc: this.doc,
      problems: this.problems(),
      status: this.status(),
      rowVersion: this.rowVersion,
      dirty: this.isDirty(),
      undoLabel: this.past.at(-1)?.label ?? null,
      redoLabel: this.future.at(-1)?.label ?? null,
    };
  }

  private emit() {
    this.snapshot = this.makeSnapshot();
    for (const l of this.listeners) l();
  }

  // --- Editing ------------------------------------------------------------------------------

  isDirty() {
    return this.revision !== this.savedRevision;
  }

  get document(): RegulationDocument {
    return this.doc;
  }

  /**
   * One change of the document. `coalesce`: a key for edits that continue one another (typing in
   * one control): they make one history entry, named by the first.
   */
  change(label: string, mutate: (draft: RegulationDocument) => void, opts: { coalesce?: string } = {}) {
    const next = structuredClone(this.doc);
    mutate(next);
    if (JSON.stringify(next) === JSON.stringify(this.doc)) return;
    const merge = opts.coalesce !== undefined && opts.coalesce === this.openKey && this.past.length > 0;
    if (!merge) {
      this.past.push({ label, doc: this.doc });
      const limit = this.opts.historyLimit ?? HISTORY_LIMIT;
      if (this.past.length > limit) this.past.splice(0, this.past.length - limit);
    }
    this.openKey = opts.coalesce ?? null;
    this.future = [];
    this.apply(next);
  }

  /** Back to the state before the newest change; it can be redone. */
  undo(): string | null {
    const entry = this.past.pop();
    if (!entry) return null;
    this.future.push({ label: entry.label, doc: this.doc });
    this.openKey = null;
    this.apply(entry.doc);
    return entry.label;
  }

  redo(): string | null {
    const entry = this.future.pop();
    if (!entry) return null;
    this.past.push({ label: entry.label, doc: this.doc });
    this.openKey = null;
    this.apply(entry.doc);
    return entry.label;
  }

  /** Ends the current typing run: the next change makes a new history entry even on the same control. */
  seal() {
    this.openKey = null;
  }

  private apply(doc: RegulationDocument) {
    this.doc = doc;
    this.revision++;
    if (this.failure?.kind !== "conflict") this.schedule(this.opts.debounceMs ?? AUTOSAVE_DEBOUNCE_MS);
    this.emit();
  }

  // --- Saving -------------------------------------------------------------------------------

  /** Saves now whatever is unsaved; tells whether the server has the latest document. */
  saveNow(): Promise<boolean> {
    if (this.failure?.kind === "conflict") {
      this.opts.onConflict?.(this.failure.message);
      return Promise.resolve(false);
    }
    this.clearTimer();
    return this.autoSave();
  }

  /** Stops the timers (the editor is unmounted). */
  stop() {
    this.clearTimer();
  }

  /** «Оставить мою версию»: this page's document is saved over whatever the server has now. */
  async keepMine(): Promise<boolean> {
    const server = await this.opts.load();
    this.rowVersion = server.rowVersion;
    this.failure = null;
    this.emit();
    this.clearTimer();
    return this.autoSave();
  }

  /**
   * «Взять версию с сервера»: the server's document replaces this page's as an undoable change
   * (undo brings this page's version back, to be saved over the server's after all).
   */
  async takeServer(): Promise<void> {
    const server = await this.opts.load();
    this.clearTimer();
    const mine = this.doc;
    this.doc = structuredClone(server.document);
    this.past.push({ label: "Загружена версия другого администратора", doc: mine });
    this.future = [];
    this.openKey = null;
    this.rowVersion = server.rowVersion;
    this.savedAt = new Date(server.updatedAt);
    this.revision++;
    this.savedRevision = this.revision;
    this.serverProblems = null;
    this.failure = null;
    this.attempt = 0;
    this.emit();
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
    if (this.failure && isRetryable(this.failure)) {
      const delays = this.opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
      this.schedule(delays[Math.min(this.attempt, delays.length - 1)] ?? 60_000);
      this.attempt++;
    }
    return false;
  }

  private async saveOnce(): Promise<boolean> {
    while (this.inFlight) await this.inFlight;
    if (this.failure?.kind === "conflict") return false;
    if (!this.isDirty()) return true;
    const revision = this.revision;
    const request: SaveRequest = { document: this.doc, expectedRowVersion: this.rowVersion };
    const run = (async () => {
      try {
        const result = await this.opts.save(request);
        this.rowVersion = result.rowVersion;
        this.savedAt = new Date(result.updatedAt);
        this.savedRevision = revision;
        this.serverProblems = { revision, problems: result.problems };
        this.failure = null;
        return true;
      } catch (error) {
        const failure = (this.opts.classify ?? classifyRequestError)(error);
        this.failure = failure;
        if (failure.kind === "conflict") this.opts.onConflict?.(failure.message);
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
      // Changes typed during the request (no failure): saved after the usual pause.
      if (!this.failure && this.isDirty() && this.timer === null)
        this.schedule(this.opts.debounceMs ?? AUTOSAVE_DEBOUNCE_MS);
    }
  }
}
