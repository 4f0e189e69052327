import { statusFormula, UNIT_COLUMNS } from "../../../src/layout";
import { planRepairs, readUnitTable } from "../../../src/layout/read";

/** A unit table of two rows at A7, with the given headers (NFD text allowed) and rows by header. */
function grid(headers: readonly string[], rows: readonly Record<string, unknown>[]) {
  const values = [headers, ...rows.map((row) => headers.map((h) => row[h.normalize("NFC")] ?? ""))];
  return { sheet: "Chỉ tiêu", origin: "A7", values, formulas: values };
}

const ROW = { Mã: "1.1", Chiều: "Tăng", "Trọng số": 1, "Kế hoạch": 100, "Thực hiện": 120 };
const SCORE = "Điểm kết quả (cấp có thẩm quyền)";

describe("the competent level's results score column (issue 15 §3)", () => {
  test("found by its header text, moved and written in NFD, and carried to the engine's input", () => {
    const headers = [SCORE.normalize("NFD"), ...UNIT_COLUMNS.filter((c) => c.key !== "score").map((c) => c.header)];
    const read = readUnitTable(grid(headers, [{ ...ROW, [SCORE]: 12.5 }]));
    expect(read.problems).toEqual([]);
    expect(read.letters?.score).toBe("A");
    expect(read.rows[0].input).toMatchObject({ code: "1.1", score: 12.5 });
  });

  test("a sheet made before the column still reads, and its formulas stay as they were (no score check)", () => {
    const headers = UNIT_COLUMNS.filter((c) => c.key !== "score").map((c) => c.header);
    const read = readUnitTable(grid(headers, [ROW]));
    expect(read.problems).toEqual([]);
    expect(read.letters?.score).toBeUndefined();
    expect(read.rows[0].input).not.toHaveProperty("score");
    const status = statusFormula(read.letters!, 8, 8, 8);
    expect(status).not.toContain("SUMIF");
    expect(statusFormula({ ...read.letters!, score: "N" }, 8, 8, 8)).toContain('$N8<0,$N8>ROUND(DiemKetQuaToiDa*$G8/SUMIF($G$8:$G$8,">0"),2)');
    // Repairs of such a sheet never touch its status column for the missing score check.
    const statusIndex = headers.indexOf("Đánh giá");
    const withFormulas = { ...grid(headers, [ROW]), formulas: [headers, headers.map((_, i) => (i === statusIndex ? status : ""))] };
    expect(planRepairs(withFormulas, read, new Map(), false).columns.map((c) => c.at)).not.toContain("K8");
  });
});
