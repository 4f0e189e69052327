import { ruleSet, summarize, type RatedIndicator, type Status } from "../../src/domain";

/** n indicators with the given statuses, codes 1..n, equal weights. */
function indicators(spec: Partial<Record<Status, number>>, keyNotMet = 0): RatedIndicator[] {
  const list: RatedIndicator[] = [];
  for (const status of ["exceeded", "met", "notMet", "pending", "error"] as Status[]) {
    for (let i = 0; i < (spec[status] ?? 0); i++) {
      const isKey = status === "notMet" && i < keyNotMet;
      list.push({ code: `${list.length + 1}`, key: isKey, weight: 1, status });
    }
  }
  return list;
}

const qd366 = ruleSet("qd366-2025");
const nd90 = ruleSet("nd90-2020");

describe("qd366-2025", () => {
  test("excellent needs points ≥ 90, all met and ≥ 30 % exceeded (boundary: exactly 30 %)", () => {
    const s = summarize(indicators({ exceeded: 3, met: 7 }), 20, qd366);
    expect(s).toMatchObject({ level: "excellent", resultPoints: 70, points: 90, exceededShare: 0.3, provisional: false });
  });

  test("29 % exceeded is good, with the reason", () => {
    const s = summarize(indicators({ exceeded: 2, met: 5 }), 30, qd366); // 2/7 = 28.57 %
    expect(s.level).toBe("good");
    expect(s.reasons.join(" ")).toContain("tỷ lệ chỉ tiêu vượt 28,6% (cần từ 30,0%)");
  });

  test("89.99 points is not excellent", () => {
    const s = summarize(indicators({ exceeded: 10 }), 19.99, qd366);
    expect(s).toMatchObject({ points: 89.99, level: "good" });
  });

  test("all met always brings 70 result points, so at least good", () => {
    expect(summarize(indicators({ met: 10 }), 0, qd366)).toMatchObject({ points: 70, level: "good" });
    expect(summarize(indicators({ met: 10 }), null, qd366)).toMatchObject({ level: "good", provisional: true });
  });

  test("exactly 70 % met with enough points is complete; below is incomplete", () => {
    const s = summarize(indicators({ met: 7, notMet: 3 }), 30, qd366);
    expect(s).toMatchObject({ metShare: 0.7, resultPoints: 49, points: 79, level: "complete" });
    const below = summarize(indicators({ met: 13, notMet: 6 }), 30, qd366); // 68.4 %
    expect(below.level).toBe("incomplete");
  });

  test("complete needs 50 points", () => {
    const s = summarize(indicators({ met: 7, notMet: 3 }), 0, qd366);
    expect(s).toMatchObject({ points: 49, level: "incomplete" });
    expect(s.reasons.join(" ")).toContain("tổng điểm 49 (cần từ 50)");
  });

  test("a key indicator not met makes it incomplete and is named", () => {
    const s = summarize(indicators({ exceeded: 10, met: 7, notMet: 1 }, 1), 30, qd366);
    expect(s.level).toBe("incomplete");
    expect(s.reasons.join(" ")).toContain("chỉ tiêu chủ yếu 18");
  });

  test("3/18 not met is named in the reasons", () => {
    const s = summarize(indicators({ exceeded: 5, met: 10, notMet: 3 }), 28, qd366);
    expect(s.reasons[1]).toBe("3/18 chỉ tiêu không đạt.");
    expect(s.level).toBe("complete");
  });

  test("without a common score the level comes from the indicator conditions and is provisional", () => {
    const s = summarize(indicators({ exceeded: 4, met: 6 }), null, qd366);
    expect(s).toMatchObject({ level: "excellent", points: null, resultPoints: 70, provisional: true });
    expect(s.reasons.join(" ")).toContain("Chưa nhập điểm tiêu chí chung");
  });

  test("pending indicators are left out of the shares and make the result provisional", () => {
    const s = summarize(indicators({ exceeded: 3, met: 7, pending: 8 }), 25, qd366);
    expect(s).toMatchObject({ total: 18, pending: 8, exceededShare: 0.3, level: "excellent", provisional: true });
  });

  test("nothing evaluated gives no level", () => {
    const s = summarize(indicators({ pending: 3, error: 1 }), 25, qd366);
    expect(s).toMatchObject({ level: null, points: null, resultPoints: null, provisional: true });
  });

  test("weights shape the result points", () => {
    const list: RatedIndicator[] = [
      { code: "a", key: false, weight: 3, status: "met" },
      { code: "b", key: false, weight: 1, status: "notMet" },
    ];
    expect(summarize(list, 0, qd366).resultPoints).toBe(52.5);
  });

  test("a province can override thresholds", () => {
    const strict = ruleSet("qd366-2025", { excellentExceededShare: { min: 0.5, inclusive: true } });
    expect(summarize(indicators({ exceeded: 4, met: 6 }), 30, strict).level).toBe("good");
  });
});

describe("nd90-2020", () => {
  test("excellent: all met and ≥ 50 % exceeded", () => {
    expect(summarize(indicators({ exceeded: 5, met: 5 }), null, nd90)).toMatchObject({
      level: "excellent",
      points: null,
      resultPoints: null,
      provisional: false,
    });
    expect(summarize(indicators({ exceeded: 4, met: 6 }), null, nd90).level).toBe("good");
  });

  test("complete needs more than 70 %: exactly 70 % is not enough", () => {
    expect(summarize(indicators({ met: 8, notMet: 2 }), null, nd90).level).toBe("complete");
    const s = summarize(indicators({ met: 7, notMet: 3 }), null, nd90);
    expect(s.level).toBe("incomplete");
    expect(s.reasons.join(" ")).toContain("văn bản không quy định");
  });

  test("below 50 % is incomplete without the undefined-band reason", () => {
    const s = summarize(indicators({ met: 4, notMet: 6 }), null, nd90);
    expect(s.level).toBe("incomplete");
    expect(s.reasons.join(" ")).not.toContain("không quy định");
  });

  test("key indicators do not decide under ND 90", () => {
    expect(summarize(indicators({ met: 9, notMet: 1 }, 1), null, nd90).level).toBe("complete");
  });
});
