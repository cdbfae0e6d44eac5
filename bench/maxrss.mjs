// Loaded with `node --import`: writes the process's peak RSS (KiB) and CPU
// time (µs) to $BENCH_RSS_FILE when it exits, so the benchmark can compare
// processes fairly even on a busy machine.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) {
    const u = process.resourceUsage();
    writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }));
  }
});
