import { ruleSet } from "../../../src/domain";
import { readRules, ruleCellAddress, rulesSheet, ruleValues, RULE_NAMES } from "../../../src/layout";

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
