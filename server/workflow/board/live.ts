// The live board (issue 13 p.4): open boards learn that something they show has changed, instead of
// each re-reading the whole board every few seconds. The database says what changed: triggers on the
// applications and their inter-agency requests NOTIFY the channel below with the application's
// department when a change commits (prisma/migrations/*_board_live). Each app process keeps one
// connection that LISTENs while at least one board is open, whichever instance made the change, and
// tells the boards of that department through server-sent events; a board then re-reads itself. When
// no card moves, an open board costs a heartbeat every 25 seconds and nothing in the database.
import type { Client, Notification } from "pg";
import { z } from "zod";
import { busyResponse, restRoute } from "../../api/rest";
import { dedicatedConnection, type Db } from "../../db/client";
import { log } from "../../observability/log";

export const BOARD_CHANNEL = "reglament_board";

/** What the hub needs of a connection (pg's Client). */
export type ListenConnection = Pick<Client, "connect" | "query" | "on" | "end">;

type Listener = {
  departments: ReadonlySet<string>;
  onChange: () => void;
  /** The LISTEN connection is gone: the stream ends so the browser reconnects (and re-reads its board). */
  onLost: () => void;
};

export class BoardChanges {
  private readonly listeners = new Set<Listener>();
  private client: ListenConnection | null = null;
  private ready: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connect: () => ListenConnection,
    /** How long the connection stays after the last board closed (a reload should not reconnect). */
    private readonly idleCloseMs = 10_000,
  ) {}

  /** Boards listening now (the metric and the tests). */
  get size(): number {
    return this.listeners.size;
  }

  /** Whether the LISTEN connection is open. */
  get listening(): boolean {
    return this.client !== null;
  }

  /**
   * Calls `onChange` after each committed change to an application of one of `departments`; resolves
   * once the database listens, rejects when it cannot (the board then polls). Returns the unsubscribe.
   */
  async subscribe(departments: Iterable<string>, onChange: () => void, onLost: () => void): Promise<() => void> {
    this.cancelIdle();
    const listener: Listener = { departments: new Set(departments), onChange, onLost };
    this.listeners.add(listener);
    try {
      await this.listen();
    } catch (error) {
      this.remove(listener);
      throw error;
    }
    return () => this.remove(listener);
  }

  /** Ends the connection now (tests; a process that stops). */
  async close(): Promise<void> {
    this.cancelIdle();
    const client = this.client;
    this.client = null;
    this.ready = null;
    await client?.end().catch(() => undefined);
  }

  private remove(listener: Listener) {
    if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
    this.cancelIdle();
    if (this.idleCloseMs <= 0) void this.close();
    else {
      this.idleTimer = setTimeout(() => void this.close(), this.idleCloseMs);
      this.idleTimer.unref();
    }
  }

  private cancelIdle() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private listen(): Promise<void> {
    if (this.ready) return this.ready;
    let client: ListenConnection;
    try {
      client = this.connect();
    } catch (error) {
      log.warn("live board: cannot LISTEN, open boards poll instead", { error });
      return Promise.reject(error);
    }
    this.client = client;
    client.on("notification", (message: Notification) => {
      if (message.channel === BOARD_CHANNEL && message.payload) this.dispatch(message.payload);
    });
    // pg emits "error" when the server or the network drops the connection: without a handler the
    // process would crash.
    client.on("error", (error: Error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    const ready = (async () => {
      await client.connect();
      await client.query(`LISTEN ${BOARD_CHANNEL}`);
    })();
    this.ready = ready;
    ready.catch((error: unknown) => {
      log.warn("live board: cannot LISTEN, open boards poll instead", { error });
      this.lost(client);
    });
    return ready;
  }

  private dispatch(departmentId: string) {
    for (const listener of this.listeners) if (listener.departments.has(departmentId)) listener.onChange();
  }

  /** The connection ended or failed: forget it (the next board to open listens anew) and end the streams. */
  private lost(client: ListenConnection, error?: Error) {
    if (this.client !== client) return; // closed on purpose, or already replaced
    this.client = null;
    this.ready = null;
    if (error) log.warn("live board: the LISTEN connection was lost", { error });
    client.end().catch(() => undefined);
    for (const listener of [...this.listeners]) listener.onLost();
  }
}

const hubs = new WeakMap<Db, BoardChanges>();

/** The hub of a database client: one LISTEN connection per process and database. */
export function boardChanges(db: Db): BoardChanges {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new BoardChanges(() => {
      const connection = dedicatedConnection(db);
      if (!connection) throw new Error("live board: this database client has no connection settings");
      return connection;
    });
    hubs.set(db, hub);
  }
  return hub;
}

export type EventStreamOptions = {
  /** A comment line this often keeps proxies and the browser from closing an idle stream. */
  heartbeatMs?: number;
  /** Changes within this window after the first one go out as one event (a transaction of many rows). */
  settleMs?: number;
  /** At most one event per this interval per board: a busy department does not make every board re-read itself continuously. */
  minGapMs?: number;
};

const encoder = new TextEncoder();

/**
 * A `text/event-stream` answer for one open board: `ready` once the database listens, then `change`
 * whenever an application of one of `departments` changed. Null when the database cannot be listened
 * to (the caller answers 503 and the board polls).
 */
export async function boardEventStream(
  hub: BoardChanges,
  departments: Iterable<string>,
  signal: AbortSignal,
  options: EventStreamOptions = {},
): Promise<Response | null> {
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const settleMs = options.settleMs ?? 200;
  const minGapMs = options.minGapMs ?? 1_000;

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let unsubscribe: (() => void) | null = null;
  let pending: NodeJS.Timeout | null = null;
  let lastSent = 0;
  let closed = false;
  const send = (text: string) => {
    if (!closed) controller.enqueue(encoder.encode(text));
  };
  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    if (pending) clearTimeout(pending);
    unsubscribe?.();
    signal.removeEventListener("abort", end);
  };
  const end = () => {
    if (closed) return;
    cleanup();
    controller.close();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel: cleanup,
  });
  const heartbeat = setInterval(() => send(": ping\n\n"), heartbeatMs);
  const onChange = () => {
    if (pending || closed) return;
    const wait = Math.max(settleMs, lastSent + minGapMs - Date.now());
    pending = setTimeout(() => {
      pending = null;
      lastSent = Date.now();
      send("event: change\ndata: {}\n\n");
    }, wait);
  };
  signal.addEventListener("abort", end);
  try {
    unsubscribe = await hub.subscribe(departments, onChange, end);
  } catch {
    cleanup();
    return null;
  }
  if (closed) unsubscribe(); // the browser left while the database was being asked
  // The browser reconnects 5 s after the stream ends (a restart, a lost LISTEN connection).
  send("retry: 5000\n\nevent: ready\ndata: {}\n\n");
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next's compression would otherwise hold the events back to fill a block.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}

/**
 * GET /api/staff/board/events: the stream of one open board, for any staff member, about the
 * departments the board shows (the caller's and the units under them). 503 when the database cannot
 * be listened to (a connection pooler in transaction mode, say): the board then re-reads itself every
 * 10 seconds as before.
 */
export const boardEventsRoute = restRoute({
  name: "staff board events",
  auth: "staff",
  params: z.object({}),
  notFound: "Не найдено",
  async handler({ req, db, scope }) {
    const response = await boardEventStream(boardChanges(db), scope.departmentIds, req.signal);
    return response ?? busyResponse("Обновления доски сейчас недоступны: доска обновляется раз в 10 секунд.");
  },
});
