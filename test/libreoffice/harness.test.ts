/**
 * Failure behaviour of the LibreOffice harness itself: a missing soffice, a timeout and a
 * document soffice cannot load must all throw with something a human can act on.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { INSTALL_HINT, makeTempDir, parseCellRef, recalculateXlsx, requireSoffice } from "../support/libreoffice";

jest.setTimeout(120_000);

let dir = "";
beforeAll(() => (dir = makeTempDir("chitieu-harness-")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("requireSoffice finds LibreOffice here and fails with the install command otherwise", () => {
  expect(requireSoffice()).toMatch(/soffice$/);
  expect(() => requireSoffice("/nonexistent", [])).toThrow(INSTALL_HINT);
});

test("parseCellRef handles quoted Vietnamese sheet names and escaped quotes", () => {
  expect(parseCellRef("'Quy tắc'!$B$3")).toEqual({ sheet: "Quy tắc", address: "B3" });
  expect(parseCellRef("'Bà''s'!C10")).toEqual({ sheet: "Bà's", address: "C10" });
  expect(parseCellRef("Sheet1!$AA$7")).toEqual({ sheet: "Sheet1", address: "AA7" });
  expect(() => parseCellRef("'Quy tắc'!A1:B2")).toThrow(/single-cell/);
});

test("a timeout kills soffice and reports it", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("S").getCell("A1").value = 1;
  const input = path.join(dir, "slow.xlsx");
  await wb.xlsx.writeFile(input);
  await expect(recalculateXlsx([input], path.join(dir, "out"), { timeoutMs: 300 })).rejects.toThrow(/timeout/);
});

test("an unreadable input is reported, not silently skipped", async () => {
  const input = path.join(dir, "broken.xlsx");
  fs.writeFileSync(input, "not a zip");
  await expect(recalculateXlsx([input], path.join(dir, "out"))).rejects.toThrow(/broken/);
});

test("inputs that would overwrite each other's output are rejected", async () => {
  fs.mkdirSync(path.join(dir, "a"));
  fs.mkdirSync(path.join(dir, "b"));
  await expect(recalculateXlsx([path.join(dir, "a", "x.xlsx"), path.join(dir, "b", "x.xlsx")], dir)).rejects.toThrow(/same output name|share/);
});
