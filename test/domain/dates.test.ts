import { isIsoDay, parseDay } from "../../src/domain/dates";

describe("a day as people write it", () => {
  test.each([
    ["2025-09-30", "2025-09-30"],
    ["2025-6-1", "2025-06-01"],
    ["30/09/2025", "2025-09-30"],
    ["1/6/2025", "2025-06-01"],
    [" 2024-02-29 ", "2024-02-29"],
  ])("%j is %s", (text, iso) => expect(parseDay(text)).toBe(iso));

  test.each(["2025-02-30", "30/02/2025", "2025-13-01", "0000-01-01", "1/6/25", "2025-06-01T00:00:00Z", "   ", "２０２５-06-01", 45000, true, null])(
    "%j is not a day read",
    (text) => expect(parseDay(text)).toBeNull(),
  );

  test("only the padded form is already ISO", () => {
    expect(isIsoDay("2025-06-01")).toBe(true);
    expect(isIsoDay("2025-6-1")).toBe(false);
  });
});
