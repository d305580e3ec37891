// Preloaded into the server by `BENCH_PROFILE=1 npm run bench:load` (never in a normal start): the Next
// server process samples its CPU between two SIGUSR2s, which the benchmark sends around its measured
// paths, and writes the profile to BENCH_PROFILE_DIR. Node refuses --cpu-prof in NODE_OPTIONS, and the
// whole life of the process would mostly profile its start.
import inspector from "node:inspector";
import fs from "node:fs";
import path from "node:path";

const isNextServer =
  process.argv.some((a) => /next[\\/]dist[\\/]bin[\\/]next$/.test(a)) && process.argv.includes("start");
if (isNextServer && process.env.BENCH_PROFILE_DIR) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () =>
        session.post("Profiler.setSamplingInterval", { interval: 1000 }, () => session.post("Profiler.start")),
      );
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (error) return console.error("[bench:profile]", error);
      const file = path.join(process.env.BENCH_PROFILE_DIR, `next-${process.pid}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
