// What keeps `npm start` honest (issue 9, item 6): it must exit non-zero as soon as what it serves is
// gone, so that systemd, Docker or any supervisor restarts it, rather than stay alive with nothing
// listening. Process exit events say it first; a probe of the listening ports catches what they
// cannot see: a process that is not our child (`next dev` serves from a forked `next-server`), or a
// server that died while its parent lives on.
//
// The probe is a TCP connect, answered by the kernel even when the server is busy: only "connection
// refused" on every local address counts as dead, so a slow page or a loaded machine never looks
// like a death. A timeout counts as alive-but-busy.
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";

export type PortState = "listening" | "refused" | "unknown";

function connect(host: string, port: number, timeoutMs: number): Promise<PortState> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (state: PortState) => {
      socket.destroy();
      resolve(state);
    };
    socket.setTimeout(timeoutMs, () => done("unknown"));
    socket.once("connect", () => done("listening"));
    socket.once("error", (error: NodeJS.ErrnoException) =>
      // No IPv6 on the machine, or nothing on that address: "refused" for our purpose.
      done(
        ["ECONNREFUSED", "EADDRNOTAVAIL", "EAFNOSUPPORT", "ENETUNREACH"].includes(error.code ?? "")
          ? "refused"
          : "unknown",
      ),
    );
  });
}

/**
 * Whether anything listens on the port on this machine. Next listens on `::` (both families where the
 * kernel allows) or 0.0.0.0, PostgreSQL on 127.0.0.1: refused means refused on both loopbacks.
 */
export async function portState(port: number, timeoutMs = 2_000): Promise<PortState> {
  const v4 = await connect("127.0.0.1", port, timeoutMs);
  if (v4 !== "refused") return v4;
  return connect("::1", port, timeoutMs);
}

export type PortWatch = { stop(): void };

/**
 * Calls `onDead` once when the port, having been listened on, is refused on two probes in a row, or
 * when it has not been listened on within `startupMs` (a server that hangs while starting).
 */
export function watchPort(options: {
  port: number;
  intervalMs?: number;
  startupMs?: number;
  onDead(reason: string): void;
}): PortWatch {
  const intervalMs = options.intervalMs ?? 2_000;
  const startupMs = options.startupMs ?? 180_000;
  const since = Date.now();
  let seen = false;
  let refusals = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    const state = await portState(options.port);
    if (stopped) return;
    if (state === "listening") {
      seen = true;
      refusals = 0;
    } else if (state === "refused" && seen) {
      refusals += 1;
      if (refusals >= 2) {
        stopped = true;
        options.onDead(`nothing listens on port ${options.port} any more`);
        return;
      }
    } else if (!seen && Date.now() - since > startupMs) {
      stopped = true;
      options.onDead(`nothing listened on port ${options.port} within ${Math.round(startupMs / 1000)} s of the start`);
      return;
    }
    timer = setTimeout(() => void tick(), intervalMs);
    timer.unref();
  };
  timer = setTimeout(() => void tick(), intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * The processes under `pid` (children, their children...), from /proc; empty where there is none
 * (not Linux). `next dev` serves from a process it forks: stopping must reach that one too.
 */
export function descendants(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      // pid (comm) state ppid ...: the name may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
    } catch {
      // ended meanwhile
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()!) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}
