import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TRPCClientError } from "@trpc/client";
import { DraftSync, type SaveDraftRequest, type SaveDraftResponse } from "./draft-sync";
import { shouldRestore, type DraftStorage, type LocalDraft } from "./local-draft";

function memoryStorage() {
  let stored: LocalDraft | null = null;
  const storage: DraftStorage = {
    read: () => stored,
    write: (d) => {
      stored = JSON.parse(JSON.stringify(d)) as LocalDraft;
    },
    remove: () => {
      stored = null;
    },
  };
  return { storage, current: () => stored };
}

const serverError = (code: string, message = "ошибка") =>
  Object.assign(new TRPCClientError(message), {
    data: { code, fieldErrors: code === "BAD_REQUEST" ? { snils: "плохо" } : null },
  });
const networkError = () => new TRPCClientError("Failed to fetch");

type Call = { input: SaveDraftRequest; resolve: (r: SaveDraftResponse) => void; reject: (e: unknown) => void };

function setup(extra: Partial<ConstructorParameters<typeof DraftSync>[0]> = {}) {
  const calls: Call[] = [];
  const mem = memoryStorage();
  const onConflict = vi.fn();
  const sync = new DraftSync({
    id: "a",
    values: { name: "Иван" },
    currentStep: "one",
    rowVersion: 1,
    savedAt: new Date("2026-01-01T00:00:00Z"),
    storage: mem.storage,
    send: (input) => new Promise((resolve, reject) => calls.push({ input, resolve, reject })),
    onConflict,
    ...extra,
  });
  return { sync, calls, mem, onConflict };
}

const flushPromises = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("DraftSync", () => {
  it("saves 1.5 s after the last change, keeps the browser copy until the server acknowledges", async () => {
    const { sync, calls, mem } = setup();
    sync.change({ name: "Ива" });
    vi.advanceTimersByTime(1_000);
    sync.change({ name: "Иван2" });
    expect(mem.current()?.values).toEqual({ name: "Иван2" });
    vi.advanceTimersByTime(1_499);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toMatchObject({ values: { name: "Иван2" }, expectedRowVersion: 1, currentStep: "one" });
    expect(sync.getSnapshot().saving).toBe(true);
    calls[0]!.resolve({ rowVersion: 2, savedAt: new Date() });
    await flushPromises();
    expect(sync.getSnapshot()).toMatchObject({ saving: false, dirty: false, rowVersion: 2, failure: null });
    expect(mem.current()).toBeNull();
  });

  it("ignores changes that only add empty inputs", () => {
    const { sync, calls, mem } = setup();
    sync.change({ name: "Иван", snils: "", other: undefined });
    vi.advanceTimersByTime(5_000);
    expect(calls).toHaveLength(0);
    expect(mem.current()).toBeNull();
  });

  it("sends changes typed during a save right after it, based on the new row version", async () => {
    const { sync, calls, mem } = setup();
    sync.change({ name: "А" });
    vi.advanceTimersByTime(1_500);
    sync.change({ name: "АБ" });
    vi.advanceTimersByTime(1_500);
    await flushPromises();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ rowVersion: 2, savedAt: new Date() });
    await flushPromises();
    expect(mem.current()).toMatchObject({ values: { name: "АБ" }, baseRowVersion: 2 });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.input).toMatchObject({ values: { name: "АБ" }, expectedRowVersion: 2 });
    calls[1]!.resolve({ rowVersion: 3, savedAt: new Date() });
    await flushPromises();
    expect(mem.current()).toBeNull();
  });

  it("keeps the values in the browser when offline and retries with backoff and on `online`", async () => {
    const { sync, calls, mem } = setup({ retryDelaysMs: [2_000, 4_000] });
    sync.change({ name: "Пётр" });
    vi.advanceTimersByTime(1_500);
    calls[0]!.reject(networkError());
    await flushPromises();
    expect(sync.getSnapshot().failure?.kind).toBe("offline");
    expect(mem.current()?.values).toEqual({ name: "Пётр" });
    vi.advanceTimersByTime(1_999);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(2);
    calls[1]!.reject(networkError());
    await flushPromises();
    vi.advanceTimersByTime(4_000);
    expect(calls).toHaveLength(3);
    calls[2]!.resolve({ rowVersion: 2, savedAt: new Date() });
    await flushPromises();
    expect(sync.getSnapshot().failure).toBeNull();
    expect(mem.current()).toBeNull();
  });

  it("a saturated server (503) is retried quietly, the tabs spread over half the delay again (issue 13 p.7)", async () => {
    const { sync, calls, mem } = setup({ retryDelaysMs: [2_000, 4_000], jitter: () => 0.5 });
    sync.change({ name: "Пётр" });
    vi.advanceTimersByTime(1_500);
    calls[0]!.reject(serverError("SERVICE_UNAVAILABLE", "Сервер сейчас перегружен"));
    await flushPromises();
    expect(sync.getSnapshot().failure?.kind).toBe("busy");
    expect(mem.current()?.values).toEqual({ name: "Пётр" });
    // 2 s and a quarter more (jitter 0.5 of half the delay).
    vi.advanceTimersByTime(2_499);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ rowVersion: 2, savedAt: new Date() });
    await flushPromises();
    expect(sync.getSnapshot().failure).toBeNull();
    expect(mem.current()).toBeNull();
  });

  it("never overwrites on a conflict: the applicant keeps theirs (overwrite) or takes the server's", async () => {
    const { sync, calls, mem, onConflict } = setup();
    sync.change({ name: "Моё" });
    vi.advanceTimersByTime(1_500);
    calls[0]!.reject(serverError("CONFLICT", "Черновик изменён"));
    await flushPromises();
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(sync.getSnapshot().failure?.kind).toBe("conflict");
    sync.change({ name: "Моё ещё" });
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);
    expect(mem.current()?.values).toEqual({ name: "Моё ещё" });

    const kept = sync.keepMine();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.input).toMatchObject({ values: { name: "Моё ещё" }, overwrite: true });
    calls[1]!.resolve({ rowVersion: 5, savedAt: new Date() });
    expect(await kept).toBe(true);
    expect(mem.current()).toBeNull();

    sync.change({ name: "снова" });
    vi.advanceTimersByTime(1_500);
    calls[2]!.reject(serverError("CONFLICT"));
    await flushPromises();
    sync.acceptServer({ values: { name: "Чужое" }, rowVersion: 9, savedAt: new Date() });
    expect(sync.getSnapshot()).toMatchObject({ failure: null, dirty: false, rowVersion: 9 });
    expect(mem.current()).toBeNull();
    sync.change({ name: "Чужое" });
    vi.advanceTimersByTime(5_000);
    expect(calls).toHaveLength(3);
  });

  it("leaves a browser copy written by another tab of the same draft in place", async () => {
    const { sync, calls, mem } = setup();
    sync.change({ name: "эта вкладка" });
    vi.advanceTimersByTime(1_500);
    mem.storage.write({
      values: { name: "другая вкладка" },
      currentStep: "one",
      baseRowVersion: 1,
      updatedAt: new Date().toISOString(),
    });
    calls[0]!.resolve({ rowVersion: 2, savedAt: new Date() });
    await flushPromises();
    expect(sync.getSnapshot().dirty).toBe(false);
    expect(mem.current()?.values).toEqual({ name: "другая вкладка" });
  });

  it("flush saves what is pending and reports whether the server has it", async () => {
    const { sync, calls } = setup();
    sync.change({ name: "Сидор" });
    const flushed = sync.flush();
    await flushPromises();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ rowVersion: 2, savedAt: new Date() });
    expect(await flushed).toBe(true);
    expect(sync.currentRowVersion).toBe(2);
    expect(await sync.flush()).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("saves a restored browser copy at start and stops after close", async () => {
    const { sync, calls, mem } = setup({ restored: true, rowVersion: 3 });
    sync.start();
    await flushPromises();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input.expectedRowVersion).toBe(3);
    calls[0]!.resolve({ rowVersion: 4, savedAt: new Date() });
    await flushPromises();
    sync.close();
    sync.change({ name: "после подачи" });
    vi.advanceTimersByTime(5_000);
    expect(calls).toHaveLength(1);
    expect(mem.current()).toBeNull();
    sync.stop();
  });
});

describe("shouldRestore", () => {
  const server = { rowVersion: 4, savedAt: new Date("2026-03-01T10:00:00Z") };
  const local = (baseRowVersion: number, updatedAt: string): LocalDraft => ({
    values: {},
    currentStep: null,
    baseRowVersion,
    updatedAt,
  });
  it("restores a copy no save has superseded, whatever the clocks say", () => {
    expect(shouldRestore(local(4, "2026-03-01T09:00:00Z"), server, false)).toBe(true);
  });
  it("restores an older-based copy only when it is newer than the server's save", () => {
    expect(shouldRestore(local(3, "2026-03-01T11:00:00Z"), server, false)).toBe(true);
    expect(shouldRestore(local(3, "2026-03-01T09:00:00Z"), server, false)).toBe(false);
  });
  it("never restores identical values", () => {
    expect(shouldRestore(local(4, "2026-03-01T11:00:00Z"), server, true)).toBe(false);
  });
});
