// The port watch of `npm start` (scripts/supervise.ts, issue 9 item 6) against real sockets: it stays
// quiet while something listens, and reports once when the listener is gone.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { descendants, portState, watchPort } from "./supervise";

const listen = () =>
  new Promise<net.Server>((resolve) => {
    const server = net.createServer((socket) => socket.destroy());
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;

describe("watchPort", () => {
  it("tells listening from refused", async () => {
    const server = await listen();
    const port = portOf(server);
    expect(await portState(port)).toBe("listening");
    await new Promise((resolve) => server.close(resolve));
    expect(await portState(port)).toBe("refused");
  });

  it("reports once when the listener goes away, not while it listens", async () => {
    const server = await listen();
    const port = portOf(server);
    const reasons: string[] = [];
    let dead!: () => void;
    const reported = new Promise<void>((resolve) => (dead = resolve));
    const watch = watchPort({
      port,
      intervalMs: 20,
      onDead: (reason) => {
        reasons.push(reason);
        dead();
      },
    });
    // Many probes while it listens: none reports.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reasons).toEqual([]);
    await new Promise((resolve) => server.close(resolve));
    await reported;
    await new Promise((resolve) => setTimeout(resolve, 100));
    watch.stop();
    expect(reasons).toEqual([`nothing listens on port ${port} any more`]);
  });

  it("reports a server that never starts listening", async () => {
    const server = await listen();
    const port = portOf(server);
    await new Promise((resolve) => server.close(resolve));
    const reason = await new Promise<string>((resolve) =>
      watchPort({ port, intervalMs: 20, startupMs: 1_000, onDead: resolve }),
    );
    expect(reason).toBe(`nothing listened on port ${port} within 1 s of the start`);
  });
});

describe("descendants", () => {
  it("finds the processes a child forked (as next dev forks the server that listens)", async () => {
    const shell = spawn("sh", ["-c", "sleep 30 & echo $!; wait"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const sleeper = Number(
        await new Promise<string>((resolve) => shell.stdout.once("data", (d: Buffer) => resolve(d.toString()))),
      );
      expect(descendants(shell.pid!)).toContain(sleeper);
      expect(descendants(sleeper)).toEqual([]);
      process.kill(sleeper);
    } finally {
      shell.kill();
    }
  });
});
