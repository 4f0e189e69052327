import { bodyRanges, NAMES, statusFormula, summaryFormulas, UNIT_COLUMNS } from "../../../src/layout";
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

describe("a milestone's due and done dates (issue 15 §3)", () => {
  const DUE = "Hạn hoàn thành";
  const DONE = "Ngày hoàn thành";

  test("found by header text (NFD too) and carried to the engine's input as the cells hold them", () => {
    const headers = UNIT_COLUMNS.map((c) => (c.key === "done" ? c.header.normalize("NFD") : c.header));
    const read = readUnitTable(grid(headers, [{ ...ROW, Chiều: "Đạt/Không", [DUE]: 45838, [DONE]: "1/7/2025" }]));
    expect(read.problems).toEqual([]);
    expect([read.letters?.due, read.letters?.done]).toEqual(["M", "N"]);
    expect(read.rows[0].input).toMatchObject({ due: 45838, done: "1/7/2025" });
  });

  test("a sheet made before them reads as before: no dates, and the same formulas (status and late count)", () => {
    const headers = UNIT_COLUMNS.filter((c) => c.key !== "due" && c.key !== "done").map((c) => c.header);
    const read = readUnitTable(grid(headers, [ROW]));
    expect(read.problems).toEqual([]);
    expect([read.letters?.due, read.letters?.done]).toEqual([undefined, undefined]);
    expect(read.rows[0].input).not.toHaveProperty("due");
    expect(read.rows[0].input).not.toHaveProperty("done");
    expect(statusFormula(read.letters!, 8, 8, 8)).not.toContain("INT(");
    // The late count of such a sheet is the formula it was made with: rows marked Có, nothing more.
    expect(summaryFormulas(bodyRanges(read.letters!, 8, 9))[NAMES.late]).toBe(
      '=SUMPRODUCT(--($K$8:$K$9<>""),(TRIM($L$8:$L$9)="có")+(TRIM($L$8:$L$9)="x")+(TRIM($L$8:$L$9)="true")+(TRIM($L$8:$L$9)="1"))',
    );
    // With the dates, a milestone not in error done after its due day counts, once, whatever its mark.
    expect(summaryFormulas(bodyRanges({ ...read.letters!, due: "M", done: "N" }, 8, 9))[NAMES.late]).toBe(
      '=SUMPRODUCT(--($K$8:$K$9<>""),--((TRIM($L$8:$L$9)="có")+(TRIM($L$8:$L$9)="x")+(TRIM($L$8:$L$9)="true")+(TRIM($L$8:$L$9)="1")' +
        '+($E$8:$E$9="Đạt/Không")*($K$8:$K$9<>"Lỗi số liệu")*ISNUMBER($M$8:$M$9)*ISNUMBER($N$8:$N$9)*($N$8:$N$9>$M$8:$M$9)>0))',
    );
  });
});
