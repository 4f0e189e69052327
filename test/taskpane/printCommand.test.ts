// The ribbon's "In" over a fake workbook: it asks for the print with the workbook's own header,
// lands on the first faulty cell when printing is refused, says why, and always completes the event.
import { printNotice } from "../../src/commands/notice";
import { completePrintCommand } from "../../src/commands/printCommand";
import type { ChiTieuWorkbook, Problem } from "../../src/contract/workbook";
import { createFakeWorkbook, SHEET_WARNING, TEXT_IN_NUMBER } from "./fakeWorkbook";

const event = () => ({ completed: jest.fn() }) as unknown as Office.AddinCommands.Event & { completed: jest.Mock };
const notify = jest.fn(async (_problems: readonly Problem[]) => undefined);

async function run(workbook: ReturnType<typeof createFakeWorkbook>) {
  const e = event();
  notify.mockClear();
  await completePrintCommand(() => workbook as unknown as ChiTieuWorkbook, e, notify);
  return e;
}

it("builds Bản in with the header the workbook holds and reports it ready", async () => {
  const workbook = createFakeWorkbook();
  const e = await run(workbook);
  expect(workbook.preparePrint).toHaveBeenCalledWith({});
  expect(workbook.selectCell).not.toHaveBeenCalled();
  expect(notify).toHaveBeenCalledWith([]);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(printNotice([], "vi").lines).toEqual([expect.stringContaining('Đã tạo trang "Bản in"')]);
});

it("refused: selects the first faulty cell and says how many errors and what the first is", async () => {
  const workbook = createFakeWorkbook();
  workbook.preparePrint.mockResolvedValueOnce([SHEET_WARNING, TEXT_IN_NUMBER]);
  await run(workbook);
  expect(workbook.selectCell).toHaveBeenCalledWith(TEXT_IN_NUMBER.sheet, TEXT_IN_NUMBER.cell);
  const vi = printNotice([SHEET_WARNING, TEXT_IN_NUMBER], "vi").lines.join(" ");
  expect(vi).toContain("Chưa in được: 2 lỗi số liệu");
  expect(vi).toContain(`${TEXT_IN_NUMBER.sheet}!${TEXT_IN_NUMBER.cell}`);
  expect(vi).toContain(TEXT_IN_NUMBER.detail);
  expect(printNotice([TEXT_IN_NUMBER], "en").lines[0]).toMatch(/^Not printed: 1 data errors/);
});

it("completes the event when Excel fails", async () => {
  const workbook = createFakeWorkbook();
  workbook.preparePrint.mockRejectedValueOnce(new Error("RichApi.Error"));
  const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const e = await run(workbook);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(log).toHaveBeenCalled();
  log.mockRestore();
});
