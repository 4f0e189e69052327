import fc from "fast-check";
import { levelRank, ruleSet, summarize, type ExcellenceAnswers, type Level, type RatedIndicator, type Status } from "../../src/domain";
import { rendered } from "../support/rendered";

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
/** Both further conditions of excellent answered so that they are met (QĐ 366 Art. 11). */
const ANSWERED: ExcellenceAnswers = { disciplineBelow: false, shortcomingsRemedied: true };
const NO_DISQUALIFIER = { yes: [], unreadable: [] };
const nd90 = ruleSet("nd90-2020");

/** The indicators with the first `late` of them marked late. */
const withLate = (list: RatedIndicator[], late: number) => list.map((i, n) => ({ ...i, late: n < late }));

describe("QĐ 366 Art. 11 as written (issue 15 §3)", () => {
  test("excellent needs both answers: a disciplined subordinate or an unremedied shortcoming makes it good", () => {
    const all = indicators({ exceeded: 3, met: 7 });
    expect(summarize(all, 20, qd366, NO_DISQUALIFIER, ANSWERED).level).toBe("excellent");
    const disciplined = summarize(all, 20, qd366, NO_DISQUALIFIER, { ...ANSWERED, disciplineBelow: true });
    expect(disciplined).toMatchObject({ level: "good", ceilingLevel: "good", provisional: false });
    expect(rendered(disciplined.reasons).join(" ")).toContain("chưa trả lời Không");
    const notRemedied = summarize(all, 20, qd366, NO_DISQUALIFIER, { ...ANSWERED, shortcomingsRemedied: false });
    expect(notRemedied).toMatchObject({ level: "good", ceilingLevel: "good", provisional: false });
  });

  test("an unanswered question: not met for the floor, met for the ceiling, provisional only while excellent is reachable", () => {
    const open = summarize(indicators({ exceeded: 3, met: 7 }), 20, qd366, NO_DISQUALIFIER, { disciplineBelow: false, shortcomingsRemedied: null });
    expect(open).toMatchObject({ level: "good", ceilingLevel: "excellent", provisional: true });
    expect(rendered(open.reasons).join(" ")).toContain("điều kiện Hoàn thành xuất sắc chưa được trả lời được tính là chưa đạt");
    const goodAnyway = summarize(indicators({ exceeded: 2, met: 8 }), 20, qd366);
    expect(goodAnyway).toMatchObject({ level: "good", ceilingLevel: "good", provisional: false });
  });

  test("good and excellent need none late; complete allows at most 20 % late", () => {
    const all = indicators({ exceeded: 3, met: 7 });
    const oneLate = summarize(withLate(all, 1), 30, qd366, NO_DISQUALIFIER, ANSWERED);
    expect(oneLate).toMatchObject({ late: 1, level: "complete" });
    expect(rendered(oneLate.reasons).join(" ")).toContain(`còn 1 chỉ tiêu chậm tiến độ (${all[0].code})`);
    expect(summarize(withLate(all, 2), 30, qd366, NO_DISQUALIFIER, ANSWERED).level).toBe("complete");
    const tooLate = summarize(withLate(all, 3), 30, qd366, NO_DISQUALIFIER, ANSWERED);
    expect(tooLate.level).toBe("incomplete");
    expect(rendered(tooLate.reasons).join(" ")).toContain("tỷ lệ chỉ tiêu chậm tiến độ 30,00 % (cần không quá 20,00 %)");
  });

  test("the shares are editable rules; NĐ 90 ignores lateness and the two answers", () => {
    const all = withLate(indicators({ exceeded: 3, met: 7 }), 3);
    expect(summarize(all, 30, { ...qd366, completeLateShare: 0.3 }, NO_DISQUALIFIER, ANSWERED).level).toBe("complete");
    const lenient = { ...qd366, completeMetShare: { min: 0.7, inclusive: true } };
    expect(summarize(indicators({ met: 7, notMet: 3 }), 30, lenient).level).toBe("complete");
    expect(summarize(withLate(indicators({ exceeded: 5, met: 5 }), 5), null, nd90).level).toBe("excellent");
  });
});

describe("qd366-2025", () => {
  test("excellent needs points ≥ 90, all met and ≥ 30 % exceeded (boundary: exactly 30 %)", () => {
    const s = summarize(indicators({ exceeded: 3, met: 7 }), 20, qd366, NO_DISQUALIFIER, ANSWERED);
    expect(s).toMatchObject({ level: "excellent", resultPoints: 70, points: 90, exceededShare: 0.3, provisional: false });
  });

  test("29 % exceeded is good, with the reason", () => {
    const s = summarize(indicators({ exceeded: 2, met: 5 }), 30, qd366); // 2/7 = 28.57 %
    expect(s.level).toBe("good");
    expect(rendered(s.reasons).join(" ")).toContain("tỷ lệ chỉ tiêu vượt 28,57 % (cần từ 30,00 %)");
  });

  test("89.99 points is not excellent", () => {
    const s = summarize(indicators({ exceeded: 10 }), 19.99, qd366);
    expect(s).toMatchObject({ points: 89.99, level: "good" });
  });

  test("all met always brings 70 result points, so at least good", () => {
    expect(summarize(indicators({ met: 10 }), 0, qd366)).toMatchObject({ points: 70, level: "good" });
    expect(summarize(indicators({ met: 10 }), null, qd366)).toMatchObject({ level: "good", ceilingLevel: "good", provisional: true });
  });

  test("Art. 11: every level above incomplete needs every indicator met (70 % met is NĐ 90's rule, not QĐ 366's)", () => {
    const s = summarize(indicators({ met: 7, notMet: 3 }), 30, qd366);
    expect(s).toMatchObject({ metShare: 0.7, resultPoints: 49, points: 79, level: "incomplete" });
    expect(rendered(s.reasons).join(" ")).toContain("tỷ lệ chỉ tiêu đạt 70,00 % (cần từ 100,00 %)");
    const one = summarize(indicators({ exceeded: 10, met: 7, notMet: 1 }), 30, qd366);
    expect(one.level).toBe("incomplete");
  });

  test("complete needs 50 points", () => {
    const s = summarize(indicators({ met: 7, notMet: 3 }), 0, qd366);
    expect(s).toMatchObject({ points: 49, level: "incomplete" });
    expect(rendered(s.reasons).join(" ")).toContain("tổng điểm 49 (cần từ 50)");
  });

  test("a key indicator not met makes it incomplete and is named", () => {
    const s = summarize(indicators({ exceeded: 10, met: 7, notMet: 1 }, 1), 30, qd366);
    expect(s.level).toBe("incomplete");
    expect(rendered(s.reasons).join(" ")).toContain("chỉ tiêu chủ yếu 18");
  });

  test("3/18 not met is named in the reasons", () => {
    const s = summarize(indicators({ exceeded: 5, met: 10, notMet: 3 }), 28, qd366);
    expect(rendered(s.reasons)[1]).toBe("3/18 chỉ tiêu không đạt.");
    expect(s.level).toBe("incomplete");
  });

  test("without a common score the floor counts it 0 and the ceiling 30; points stay null", () => {
    const s = summarize(indicators({ exceeded: 4, met: 6 }), null, qd366);
    expect(s).toMatchObject({ level: "good", ceilingLevel: "excellent", points: null, resultPoints: 70, provisional: true });
    expect(rendered(s.reasons).join(" ")).toContain("Chưa có điểm tiêu chí chung");
    expect(rendered(s.reasons).join(" ")).toContain("điểm tiêu chí chung được tính là 0");
    expect(rendered(s.reasons).join(" ")).toContain("Có thể đạt tối đa: Hoàn thành xuất sắc nhiệm vụ, nếu điểm tiêu chí chung đạt 30 và câu");
    const answered = summarize(indicators({ exceeded: 4, met: 6 }), null, qd366, NO_DISQUALIFIER, ANSWERED);
    expect(rendered(answered.reasons).join(" ")).toContain("Có thể đạt tối đa: Hoàn thành xuất sắc nhiệm vụ, nếu điểm tiêu chí chung đạt 30.");
  });

  test("an invalid common score is said to be invalid, not missing", () => {
    const s = summarize(indicators({ exceeded: 4, met: 6 }), { kind: "invalid" }, qd366);
    expect(s).toMatchObject({ points: null, provisional: true, level: "good", ceilingLevel: "excellent" });
    expect(rendered(s.reasons).join(" ")).toContain("Điểm tiêu chí chung không hợp lệ");
    expect(rendered(s.reasons).join(" ")).not.toContain("Chưa có điểm");
  });

  test("pending indicators count as not met for the floor, shares over all 18", () => {
    const s = summarize(indicators({ exceeded: 3, met: 7, pending: 8 }), 25, qd366);
    expect(s).toMatchObject({ total: 18, pending: 8, metShare: 0.5556, exceededShare: 0.1667, resultPoints: 38.89, points: 63.89 });
    expect(s).toMatchObject({ level: "incomplete", ceilingLevel: "excellent", provisional: true });
    expect(rendered(s.reasons).join(" ")).toContain("8 chỉ tiêu chưa có số liệu hoặc có lỗi (11, 12, 13, 14, 15, 16, 17, 18) được tính là chưa đạt");
    expect(rendered(s.reasons).join(" ")).toContain("Có thể đạt tối đa: Hoàn thành xuất sắc nhiệm vụ, nếu các chỉ tiêu 11, 12, 13, 14, 15, 16, 17, 18 đều vượt kế hoạch và câu");
  });

  test("3 of 18 figures entered, all exceeded, is not excellent (the withdrawn rule showed excellent)", () => {
    const s = summarize(indicators({ exceeded: 3, pending: 15 }), 30, qd366);
    expect(s).toMatchObject({ level: "incomplete", ceilingLevel: "excellent", provisional: true, resultPoints: 11.67 });
  });

  test("a pending key indicator decides the floor and is named", () => {
    const list: RatedIndicator[] = [
      ...indicators({ exceeded: 9 }),
      { code: "3.1", key: true, weight: 1, status: "pending" },
    ];
    const s = summarize(list, 30, qd366);
    expect(s).toMatchObject({ level: "incomplete", ceilingLevel: "excellent" });
    expect(rendered(s.reasons).join(" ")).toContain("Chỉ tiêu chủ yếu 3.1 chưa có số liệu hoặc có lỗi: nếu không đạt thì xếp loại Không hoàn thành nhiệm vụ.");
  });

  test("the ceiling says what still limits it", () => {
    const s = summarize(indicators({ met: 8, notMet: 1, pending: 1 }), 30, qd366);
    expect(s.ceilingLevel).toBe("incomplete");
    expect(rendered(s.reasons).join(" ")).toContain("Mức tối đa bị giới hạn vì: Chưa đạt mức Hoàn thành nhiệm vụ: tỷ lệ chỉ tiêu đạt 90,00 %");
  });

  test("nothing entered: floor incomplete, ceiling excellent", () => {
    const s = summarize(indicators({ pending: 3, error: 1 }), 25, qd366);
    expect(s).toMatchObject({ level: "incomplete", ceilingLevel: "excellent", points: 25, resultPoints: 0, provisional: true });
  });

  test("no indicators at all gives no level", () => {
    expect(summarize([], 25, qd366)).toMatchObject({ level: null, ceilingLevel: null, resultPoints: null, points: null });
  });

  test("with nothing pending the ceiling is the level", () => {
    const s = summarize(indicators({ exceeded: 3, met: 7 }), 20, qd366, NO_DISQUALIFIER, ANSWERED);
    expect(s).toMatchObject({ level: "excellent", ceilingLevel: "excellent", provisional: false });
    expect(rendered(s.reasons).join(" ")).not.toContain("Có thể đạt tối đa");
  });

  test("a disqualifying condition makes both levels incomplete, with the reason", () => {
    const s = summarize(indicators({ exceeded: 5, met: 5 }), 30, qd366, { yes: ["sanction"], unreadable: [] });
    expect(s).toMatchObject({ level: "incomplete", ceilingLevel: "incomplete", points: 100, disqualified: ["sanction"] });
    expect(rendered(s.reasons).join(" ")).toContain("Bị xử lý kỷ luật (từ khiển trách trở lên) trong năm đánh giá: xếp loại Không hoàn thành nhiệm vụ");
  });

  test("an unreadable answer lowers the floor only, and keeps the result provisional", () => {
    const s = summarize(indicators({ exceeded: 5, met: 5 }), 30, qd366, { yes: [], unreadable: ["corruption"] });
    expect(s).toMatchObject({ level: "incomplete", ceilingLevel: "excellent", provisional: true });
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
    expect(rendered(s.reasons).join(" ")).toContain("văn bản không quy định");
  });

  test("below 50 % is incomplete without the undefined-band reason", () => {
    const s = summarize(indicators({ met: 4, notMet: 6 }), null, nd90);
    expect(s.level).toBe("incomplete");
    expect(rendered(s.reasons).join(" ")).not.toContain("không quy định");
  });

  test("key indicators do not decide under ND 90", () => {
    expect(summarize(indicators({ met: 9, notMet: 1 }, 1), null, nd90).level).toBe("complete");
  });
});

describe("the floor only rises and never passes the ceiling as figures arrive", () => {
  const statuses: Status[] = ["exceeded", "met", "notMet", "pending", "error"];
  const item = fc.record({
    key: fc.boolean(),
    weight: fc.constantFrom(1, 2, 0.5),
    status: fc.constantFrom(...statuses),
  });
  const rank = (level: Level | null) => (level === null ? -1 : levelRank(level));

  test.each(["qd366-2025", "nd90-2020"] as const)("%s", (preset) => {
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 25 }),
        fc.nat(),
        fc.constantFrom<Status>("exceeded", "met", "notMet"),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
        (raw, pick, arrived, common) => {
          const rules = ruleSet(preset);
          const list: RatedIndicator[] = raw.map((r, i) => ({ code: `c${i}`, ...r }));
          const before = summarize(list, common, rules);
          expect(rank(before.level)).toBeLessThanOrEqual(rank(before.ceilingLevel));
          const open = list.findIndex((_, i) => i >= pick % list.length && (list[i].status === "pending" || list[i].status === "error"));
          const after = summarize(
            open < 0 ? list : list.map((r, i) => (i === open ? { ...r, status: arrived } : r)),
            common ?? 15,
            rules,
          );
          expect(rank(after.level)).toBeGreaterThanOrEqual(rank(before.level));
          expect(rank(after.ceilingLevel)).toBeLessThanOrEqual(rank(before.ceilingLevel));
        },
      ),
      { numRuns: 500 },
    );
  });
});
