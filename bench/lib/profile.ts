import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/**
 * BENCH_CPU_PROFILE=<folder>: a V8 CPU profile of this process's main thread (the server under test) during
 * each scenario's measured run of the real app, written as <folder>/<scenario>.cpuprofile (open it in Chrome
 * DevTools or speedscope). The sampling profiler slows the app a little: the figures of a profiled run are
 * not the bench's figures.
 */
export async function profiled<T>(dir: string | undefined, name: string, work: () => Promise<T>): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}
