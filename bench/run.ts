import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  opsPerSec: number;
  meanMs: number;
  p95Ms: number;
  samples: number;
  /** The result the others in the same module are compared with. */
  baseline?: boolean;
}

export interface MeasureOptions {
  warmup?: number;
  minSamples?: number;
  minMs?: number;
  baseline?: boolean;
}

/** Runs fn sequentially after a warm-up until both minSamples and minMs are reached. */
export async function measure(name: string, fn: (i: number) => Promise<unknown>, options: MeasureOptions = {}): Promise<BenchResult> {
  const { warmup = 10, minSamples = 100, minMs = 3000, baseline } = options;
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minSamples || performance.now() - start < minMs) {
    const t = performance.now();
    await fn(times.length);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const meanMs = times.reduce((sum, t) => sum + t, 0) / times.length;
  return {
    name,
    opsPerSec: 1000 / meanMs,
    meanMs,
    p95Ms: times[Math.ceil(times.length * 0.95) - 1],
    samples: times.length,
    ...(baseline && { baseline }),
  };
}

type ModuleResult = BenchResult & { module: string };

function printTable(results: ModuleResult[]): void {
  const rows = results.map((r) => {
    const base = results.find((b) => b.module === r.module && b.baseline);
    const relative = r.baseline ? 'baseline' : base ? `${(r.opsPerSec / base.opsPerSec).toFixed(2)}×` : '–';
    return [`${r.module}: ${r.name}`, r.opsPerSec.toFixed(1), r.meanMs.toFixed(2), r.p95Ms.toFixed(2), String(r.samples), relative];
  });
  const header = ['benchmark', 'ops/s', 'mean ms', 'p95 ms', 'samples', 'vs baseline'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log([format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)].join('\n'));
}

async function main(): Promise<void> {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort();
  const results: ModuleResult[] = [];
  for (const file of files) {
    const suite = file.replace(/\.bench\.ts$/, '');
    console.error(`running ${suite}…`);
    const { run } = (await import(pathToFileURL(join(__dirname, file)).href)) as { run: () => Promise<BenchResult[]> };
    results.push(...(await run()).map((r) => ({ module: suite, ...r })));
  }
  printTable(results);

  const date = new Date().toISOString();
  const report = { date, node: process.version, platform: `${process.platform}-${process.arch}`, cpu: cpus()[0]?.model, results };
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(report, null, 2) + '\n';
  // Colons are not allowed in Windows file names.
  writeFileSync(join(dir, `${date.replace(/:/g, '-')}.json`), json);
  writeFileSync(join(dir, 'latest.json'), json);
}

// Bench modules import measure() from here; only the entry point runs them.
if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
