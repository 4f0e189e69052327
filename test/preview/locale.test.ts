import { createWorkbookEmulator } from "../../src/preview/emulator";
import { displayText, editText, entryFor, parseLocaleNumber } from "../../src/preview/workbench/locale";

describe("typed numbers under a regional setting", () => {
  test.each([
    ["2.100", 2100, false],
    ["1.234.567", 1234567, false],
    ["3,5", 3.5, false],
    ["1.234,5", 1234.5, false],
    ["-0,25", -0.25, false],
    [",5", 0.5, false],
    ["95%", 0.95, true],
    ["3,5%", 0.035, true],
    [" 2100 ", 2100, false],
  ])("vi-VN reads %p as %p", (text, value, percent) => {
    expect(parseLocaleNumber(text, "vi-VN")).toMatchObject({ value, percent });
  });

  test.each([
    ["2,100", 2100],
    ["2.100", 2.1],
    ["1,234.5", 1234.5],
    ["95%", 0.95],
  ])("en-US reads %p as %p", (text, value) => {
    expect(parseLocaleNumber(text, "en-US")?.value).toBeCloseTo(value, 12);
  });

  test.each(["2.1", "2.10", "1,234.5", "2100 người", "", ",", "%", "1.2.3"])("vi-VN does not take %p for a number", (text) => {
    expect(parseLocaleNumber(text, "vi-VN")).toBeNull();
  });

  test.each(["2,1", "2.100,5", "abc"])("en-US does not take %p for a number", (text) => {
    expect(parseLocaleNumber(text, "en-US")).toBeNull();
  });
});

describe("what the grid hands the emulator", () => {
  test.each([
    ["vi-VN", "2.100", 2100, "General"],
    ["vi-VN", "3,5", 3.5, "General"],
    ["vi-VN", "95%", 0.95, "0%"],
    ["vi-VN", "2.1", "2.1", "General"],
    ["vi-VN", "1,234.5", "1,234.5", "General"],
    ["vi-VN", "2100 người", "2100 người", "General"],
    ["en-US", "2.100", 2.1, "General"],
    ["en-US", "2,100", 2100, "General"],
    ["en-US", "3,5", "3,5", "General"],
    ["en-US", "95%", 0.95, "0%"],
  ] as const)("%s: typing %p stores %p (format %s)", (locale, typed, value, format) => {
    const emu = createWorkbookEmulator();
    emu.typeValue("Sheet1", "A1", entryFor(typed, locale));
    expect(emu.cell("Sheet1", "A1")).toMatchObject({ value, numberFormat: format });
  });

  test("formulas pass unchanged", () => {
    expect(entryFor("=A1*2", "vi-VN")).toBe("=A1*2");
  });
});

describe("values shown in the locale's style", () => {
  test.each([
    [2100, "#,##0", "2.100", "2,100"],
    [0.95, "0.00%", "95,00%", "95.00%"],
    [3.5, "0.00", "3,50", "3.50"],
    [1234.5, "#,##0.0#", "1.234,5", "1,234.5"],
    [1234.567, "#,##0.0#", "1.234,57", "1,234.57"],
    [1234, "#,##0.0#", "1.234,0", "1,234.0"],
    [3.5, "General", "3,5", "3.5"],
  ])("%p as %p shows %p in vi-VN and %p in en-US", (value, format, vi, en) => {
    const emu = createWorkbookEmulator();
    emu.typeValue("Sheet1", "A1", value);
    return emu
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").numberFormat = [[format]];
        await context.sync();
      })
      .then(() => {
        const { text } = emu.cell("Sheet1", "A1");
        expect(displayText(text, value, "vi-VN")).toBe(vi);
        expect(displayText(text, value, "en-US")).toBe(en);
      });
  });

  test("text is shown as typed", () => {
    expect(displayText("2.1", "2.1", "vi-VN")).toBe("2.1");
  });

  test("the cell editor shows what one would type back", () => {
    expect(editText(3.5, "General", "vi-VN")).toBe("3,5");
    expect(editText(2100, "#,##0", "vi-VN")).toBe("2100");
    expect(editText(0.035, "0.00%", "vi-VN")).toBe("3,5%");
    expect(editText(0.035, "0.00%", "en-US")).toBe("3.5%");
  });
});
