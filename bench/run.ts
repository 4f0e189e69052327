/**
 * `npm run bench`: prints measurements; it is not a timed test. Budgets are printed beside
 * the figures so a regression is visible in CI logs.
 */
import { benchEngine } from "./engine";

function main(): void {
  benchEngine(10_000); // warm up the JIT
  const runs = [1, 2, 3].map(() => benchEngine(100_000));
  const best = Math.min(...runs);
  console.log(`engine: evaluate 100.000 chỉ tiêu: ${best.toFixed(0)} ms (best of 3; budget 1000 ms)`);
}

main();
