// Summarises V8 CPU profiles (node --cpu-prof; BENCH_CPU_PROF=DIR for the bench's servers): the
// functions with the most self time, and the same time grouped by where the code lives.
// Usage: tsx bench/profile-summary.ts FILE.cpuprofile [more…] [--top 25]
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const files = args.filter((a, i) => !a.startsWith("--") && !(topAt >= 0 && i === topAt + 1));

/** Where a frame's code lives: a package, a folder of ours, or V8/Node itself. */
function place(url: string): string {
  // Frames without a script: native code (writev, the SQLite binding's calls) and V8's own work.
  if (!url) return "(native)";
  if (url.startsWith("wasm://")) return "Prisma query compiler (WebAssembly)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith("node:")) return "node core";
  const ours = /\/(server\/[^/]+\/?[^/]*|app\/[^/]+|bench|scripts)\//.exec(url);
  return ours ? ours[1]! : url.replace(/^file:\/\//, "");
}

const self = new Map<string, number>();
const byPlace = new Map<string, number>();
let total = 0;
let idle = 0;
for (const f of files) {
  const p = JSON.parse(readFileSync(f, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  p.samples.forEach((id, k) => {
    const dt = (p.timeDeltas[k] ?? 0) / 1000;
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === "(idle)") return void (idle += dt);
    total += dt;
    const short = url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(server|app|bench)\//, "$1/");
    const key = `${functionName || "(anonymous)"}  ${short ? `${short}:${lineNumber + 1}` : ""}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const where = ["(garbage collector)", "(program)"].includes(functionName) ? functionName : place(url);
    byPlace.set(where, (byPlace.get(where) ?? 0) + dt);
  });
}
const rows = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => ({ frame: k, self_ms: Math.round(ms), share: `${((ms / total) * 100).toFixed(1)}%` }));
console.log(`busy ${Math.round(total)} ms, idle ${Math.round(idle)} ms, ${files.length} profile(s)`);
console.table(rows(byPlace));
console.table(rows(self));
