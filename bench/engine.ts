import { performance } from "node:perf_hooks";
import { evaluate, type IndicatorInput } from "../src/domain";

/** Evaluate `count` indicators of mixed directions and value styles; returns milliseconds. */
export function benchEngine(count: number): number {
  const indicators: IndicatorInput[] = Array.from({ length: count }, (_, i) => {
    const kind = i % 3;
    if (kind === 2) return { code: `${i}`, direction: "milestone", target: "Đạt", actual: i % 5 === 0 ? "Không đạt" : "Đạt" };
    return {
      code: `${i}`,
      direction: kind === 0 ? "increase" : "decrease",
      target: 1000 + (i % 97),
      actual: i % 4 === 0 ? `${(900 + (i % 300)).toLocaleString("de-DE")}` : 900 + (i % 300),
      key: i % 50 === 0,
    };
  });
  const start = performance.now();
  const result = evaluate({ commonScore: 25, indicators });
  const elapsed = performance.now() - start;
  if (result.indicators.length !== count) throw new Error("benchmark evaluated the wrong number of indicators");
  return elapsed;
}
