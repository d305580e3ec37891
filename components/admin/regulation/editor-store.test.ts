import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TRPCClientError } from "@trpc/client";
import { starterDocument } from "@/server/regulation/starter";
import type { RegulationDocument } from "@/server/regulation/document";
import { EditorStore, type SaveRequest, type SaveResponse, type ServerEdition } from "./editor-store";

const serverError = (code: string, message = "ошибка") =>
  Object.assign(new TRPCClientError(message), { data: { code, fieldErrors: null } });
const networkError = () => new TRPCClientError("Failed to fetch");

type Call = { input: SaveRequest; resolve: (r: SaveResponse) => void; reject: (e: unknown) => void };

const base = () => starterDocument({ title: "Выдача выписки", authority: "Администрация" });

function setup(extra: Partial<ConstructorParameters<typeof EditorStore>[0]> = {}) {
  const calls: Call[] = [];
  let server: ServerEdition = { document: base(), rowVersion: 7, updatedAt: new Date("2026-11-30T05:00:00Z") };
  const onConflict = vi.fn();
  const store = new EditorStore({
    document: base(),
    rowVersion: 3,
    savedAt: new Date("2026-11-30T04:00:00Z"),
    save: (input) => new Promise((resolve, reject) => calls.push({ input, resolve, reject })),
    load: () => Promise.resolve(structuredClone(server)),
    onConflict,
    ...extra,
  });
  return { store, calls, onConflict, setServer: (s: ServerEdition) => (server = s) };
}

const ok = (rowVersion: number, problems: SaveResponse["problems"] = []): SaveResponse => ({
  rowVersion,
  updatedAt: "2026-11-30T05:10:00.000Z",
  problems,
});
const flushPromises = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
const rename = (title: string) => (d: RegulationDocument) => {
  d.form.steps[0]!.title = title;
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("EditorStore: undo and redo", () => {
  it("undoes and redoes changes by their labels, never touching the states it keeps", () => {
    const { store } = setup();
    const first = store.document;
    store.change("Добавлен шаг «Документы»", (d) => {
      d.form.steps.push({ key: "docs", title: "Документы", fields: [] });
    });
    store.change("Переименован шаг «Сведения о заявителе»", rename("Заявитель"));
    expect(first.form.steps).toHaveLength(2); // the loaded state was cloned, not mutated
    expect(store.getSnapshot().undoLabel).toBe("Переименован шаг «Сведения о заявителе»");

    expect(store.undo()).toBe("Переименован шаг «Сведения о заявителе»");
    expect(store.document.form.steps[0]!.title).toBe("Сведения о заявителе");
    expect(store.getSnapshot().redoLabel).toBe("Переименован шаг «Сведения о заявителе»");
    expect(store.undo()).toBe("Добавлен шаг «Документы»");
    expect(store.document.form.steps).toHaveLength(2);
    expect(store.undo()).toBeNull();

    expect(store.redo()).toBe("Добавлен шаг «Документы»");
    expect(store.document.form.steps.map((s) => s.key)).toEqual(["applicant", "request", "docs"]);
    // A new change drops what could be redone.
    store.change("Удалён шаг «Документы»", (d) => {
      d.form.steps.pop();
    });
    expect(store.getSnapshot().redoLabel).toBeNull();
  });

  it("makes one entry of typing in one control, and keeps only the last 50 changes", () => {
    const { store } = setup();
    for (const t of ["З", "За", "Зая"])
      store.change("Изменено название шага", rename(t), { coalesce: "steps.0.title" });
    store.undo();
    expect(store.document.form.steps[0]!.title).toBe("Сведения о заявителе");

    for (let i = 1; i <= 60; i++) store.change(`Изменение ${i}`, rename(`Шаг ${i}`));
    let undone = 0;
    while (store.undo()) undone++;
    expect(undone).toBe(50);
    expect(store.document.form.steps[0]!.title).toBe("Шаг 10");
  });

  it("ignores a change that changes nothing", () => {
    const { store } = setup();
    store.change("Ничего", () => {});
    expect(store.getSnapshot().undoLabel).toBeNull();
    expect(store.getSnapshot().dirty).toBe(false);
  });
});

describe("EditorStore: autosave", () => {
  it("saves about 1 s after the last change with the row version, and takes the server's problems", async () => {
    const { store, calls } = setup();
    store.change("a", rename("А"), { coalesce: "t" });
    vi.advanceTimersByTime(800);
    store.change("a", rename("АБ"), { coalesce: "t" });
    vi.advanceTimersByTime(999);
    expect(calls).toHaveLength(0);
    expect(store.getSnapshot().status.kind).toBe("pending");
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input.expectedRowVersion).toBe(3);
    expect(calls[0]!.input.document.form.steps[0]!.title).toBe("АБ");
    expect(store.getSnapshot().status.kind).toBe("saving");
    calls[0]!.resolve(ok(4, [{ path: "stages", message: "с сервера" }]));
    await flushPromises();
    const snap = store.getSnapshot();
    expect(snap.status).toEqual({ kind: "saved", at: new Date("2026-11-30T05:10:00.000Z") });
    expect(snap.rowVersion).toBe(4);
    expect(snap.problems).toEqual([{ path: "stages", message: "с сервера" }]);
  });

  it("validates every state at once in the browser, before any save", () => {
    const { store } = setup();
    expect(store.getSnapshot().problems).toEqual([]);
    store.change("Удалено название шага", rename(""));
    expect(store.getSnapshot().problems.map((p) => p.path)).toContain("form.steps.0.title");
    store.undo();
    expect(store.getSnapshot().problems).toEqual([]);
  });

  it("sends one request at a time and saves what changed meanwhile right after", async () => {
    const { store, calls } = setup();
    store.change("a", rename("А"));
    vi.advanceTimersByTime(1_000);
    store.change("b", rename("Б"));
    vi.advanceTimersByTime(5_000);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(ok(4));
    await flushPromises();
    expect(store.getSnapshot().dirty).toBe(true);
    vi.advanceTimersByTime(1_000);
    await flushPromises();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.input).toMatchObject({ expectedRowVersion: 4 });
    expect(calls[1]!.input.document.form.steps[0]!.title).toBe("Б");
  });

  it("retries a save that got no answer, with backoff, and says so", async () => {
    const { store, calls } = setup({ retryDelaysMs: [2_000, 4_000] });
    store.change("a", rename("А"));
    vi.advanceTimersByTime(1_000);
    calls[0]!.reject(networkError());
    await flushPromises();
    expect(store.getSnapshot().status.kind).toBe("retrying");
    vi.advanceTimersByTime(1_999);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(ok(4));
    await flushPromises();
    expect(store.getSnapshot().status.kind).toBe("saved");
  });
});

describe("EditorStore: conflicts", () => {
  it("on CONFLICT keeps this page's document, stops saving and asks", async () => {
    const { store, calls, onConflict } = setup();
    store.change("Мой шаг", rename("Моё"));
    vi.advanceTimersByTime(1_000);
    calls[0]!.reject(serverError("CONFLICT", "Черновик только что сохранил Иванов Иван"));
    await flushPromises();
    expect(onConflict).toHaveBeenCalledWith("Черновик только что сохранил Иванов Иван");
    expect(store.getSnapshot().status).toEqual({
      kind: "conflict",
      message: "Черновик только что сохранил Иванов Иван",
    });
    store.change("Ещё", rename("Моё 2"));
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(1);
    expect(store.document.form.steps[0]!.title).toBe("Моё 2");
    expect(await store.saveNow()).toBe(false);
    expect(onConflict).toHaveBeenCalledTimes(2);
  });

  it("«keep mine» saves this page's document over the server's current row version", async () => {
    const { store, calls } = setup();
    store.change("Мой шаг", rename("Моё"));
    vi.advanceTimersByTime(1_000);
    calls[0]!.reject(serverError("CONFLICT"));
    await flushPromises();
    const saved = store.keepMine();
    await flushPromises();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.input.expectedRowVersion).toBe(7);
    expect(calls[1]!.input.document.form.steps[0]!.title).toBe("Моё");
    calls[1]!.resolve(ok(8));
    expect(await saved).toBe(true);
    expect(store.getSnapshot()).toMatchObject({ rowVersion: 8, dirty: false, status: { kind: "saved" } });
  });

  it("«take the server's» loads its document as a change that undo takes back", async () => {
    const { store, calls, setServer } = setup();
    const theirs = base();
    theirs.form.steps[0]!.title = "Их";
    setServer({ document: theirs, rowVersion: 9, updatedAt: "2026-11-30T05:20:00.000Z" });
    store.change("Мой шаг", rename("Моё"));
    vi.advanceTimersByTime(1_000);
    calls[0]!.reject(serverError("CONFLICT"));
    await flushPromises();
    await store.takeServer();
    let snap = store.getSnapshot();
    expect(snap).toMatchObject({ rowVersion: 9, dirty: false, status: { kind: "saved" } });
    expect(snap.doc.form.steps[0]!.title).toBe("Их");
    expect(snap.undoLabel).toBe("Загружена версия другого администратора");

    store.undo();
    snap = store.getSnapshot();
    expect(snap.doc.form.steps[0]!.title).toBe("Моё");
    vi.advanceTimersByTime(1_000);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.input.expectedRowVersion).toBe(9);
  });

  it("a refusal a retry cannot fix waits for the next change", async () => {
    const { store, calls } = setup();
    store.change("a", rename("А"));
    vi.advanceTimersByTime(1_000);
    calls[0]!.reject(serverError("BAD_REQUEST", "Документ больше 1000 КБ"));
    await flushPromises();
    expect(store.getSnapshot().status).toEqual({ kind: "invalid", message: "Документ больше 1000 КБ" });
    vi.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(1);
    store.change("b", rename("Б"));
    vi.advanceTimersByTime(1_000);
    expect(calls).toHaveLength(2);
  });
});
