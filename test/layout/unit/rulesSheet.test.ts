import { presetForYear, ruleSet } from "../../../src/domain";
import { QUOTA_MESSAGES } from "../../../src/domain/messages/quota";
import { readRules, ruleCellAddress, RULE_LINES, rulesSheet, ruleValues, RULE_NAMES } from "../../../src/layout";

describe("the quota base on the rules sheet", () => {
  test("is a named rule, good by default, with a choice list", () => {
    const sheet = rulesSheet(ruleSet("qd366-2025"));
    expect(ruleValues(ruleSet("qd366-2025")).quotaBase).toBe("good");
    expect(RULE_NAMES.quotaBase).toBe("CoSoHanMuc");
    expect(sheet.validations).toEqual([expect.objectContaining({ range: ruleCellAddress("quotaBase"), rule: { kind: "list", source: "good,goodOrBetter" } })]);
  });

  test("is read back, and anything else is reported at its cell", () => {
    const values = { ...ruleValues(ruleSet("qd366-2025")), quotaBase: "goodOrBetter" };
    expect(readRules(values)).toMatchObject({ rules: { quotaBase: "goodOrBetter" }, problems: [] });
    const bad = readRules({ ...values, quotaBase: "tất cả" });
    expect(bad.rules.quotaBase).toBe("good");
    expect(bad.problems).toEqual([expect.objectContaining({ cell: ruleCellAddress("quotaBase"), message: expect.stringContaining("goodOrBetter") })]);
  });
});

describe("the rules sheet says which rules are the product's own and how the quota is counted (issue 15 §2, §3)", () => {
  const texts = (rules: ReturnType<typeof ruleSet>) =>
    rulesSheet(rules).blocks.flatMap((b) => b.cells.flat().map((c) => ("formula" in c ? c.formula : String(c.value ?? ""))));
  const note = (key: string) => RULE_LINES.find((l) => l.key === key)?.note ?? "";

  test("results points, key indicators and the lower-is-better formula are labelled mặc định của phần mềm", () => {
    expect(note("resultMaxPoints")).toMatch(/^Mặc định của phần mềm/);
    expect(note("keyIndicatorDecides")).toMatch(/^Mặc định của phần mềm/);
    expect(texts(ruleSet("qd366-2025"))).toContainEqual(expect.stringMatching(/^Mặc định của phần mềm.*2 − thực hiện\/kế hoạch/));
  });

  test("the competent level's score per indicator is said to replace the default of its row", () => {
    expect(note("resultMaxPoints")).toContain('cột "Điểm kết quả (cấp có thẩm quyền)" của trang Chỉ tiêu: điểm đó thay cho mặc định ở dòng ấy');
  });

  test("the quota's method: on the final result, the lowered in the base, exact, ties for the committee", () => {
    expect(note("quotaBase")).toContain(QUOTA_MESSAGES.method);
    expect(QUOTA_MESSAGES.method).toContain("k ≤ tỷ lệ × (số Hoàn thành tốt + số bị hạ)");
  });

  test("the texts named follow the preset: NĐ 90 for 2021, QĐ 366 from 2025; the 70 % rule is NĐ 90's", () => {
    const basis = (rules: ReturnType<typeof ruleSet>) => texts(rules).find((t) => t.includes("Căn cứ"));
    expect(basis(ruleSet(presetForYear(2021)))).toMatch(/IF\(BoQuyTac="nd90-2020","Nghị định 90\/2020/);
    expect(ruleValues(ruleSet(presetForYear(2021))).preset).toBe("nd90-2020");
    expect(ruleValues(ruleSet(presetForYear(2025))).preset).toBe("qd366-2025");
    expect(note("completeMetShare")).toMatch(/QĐ 366 Điều 11: 100%.*NĐ 90: trên 70%/);
  });
});
