// The ribbon's evaluate command over a fake workbook: it evaluates, lands on the first faulty
// cell when there is one, and always completes the event, even when Excel fails.
import { completeEvaluateCommand } from "../../src/commands/evaluateCommand";
import { evaluationNotice, noticeFromFragment, noticeUrl } from "../../src/commands/notice";
import type { ChiTieuWorkbook, EvaluationReport } from "../../src/contract/workbook";
import { createFakeWorkbook, GOOD_REPORT, SHEET_WARNING, TEXT_IN_NUMBER, ZERO_TARGET } from "./fakeWorkbook";

const event = () => ({ completed: jest.fn() }) as unknown as Office.AddinCommands.Event & { completed: jest.Mock };

const notify = jest.fn(async (_report: EvaluationReport) => undefined);

async function run(workbook: ReturnType<typeof createFakeWorkbook>) {
  const e = event();
  notify.mockClear();
  await completeEvaluateCommand(() => workbook as unknown as ChiTieuWorkbook, e, notify);
  return e;
}

it("evaluates and selects nothing when the data is clean", async () => {
  const workbook = createFakeWorkbook();
  const e = await run(workbook);
  expect(workbook.evaluate).toHaveBeenCalledWith();
  expect(workbook.selectCell).not.toHaveBeenCalled();
  expect(notify).toHaveBeenCalledWith(GOOD_REPORT);
  expect(e.completed).toHaveBeenCalledTimes(1);
});

it("selects the first faulty cell, skipping warnings and problems without a cell", async () => {
  const workbook = createFakeWorkbook();
  workbook.evaluate.mockResolvedValueOnce({ ...GOOD_REPORT, problems: [SHEET_WARNING, ZERO_TARGET, TEXT_IN_NUMBER] });
  const e = await run(workbook);
  expect(workbook.selectCell).toHaveBeenCalledWith("Chỉ tiêu", "H10");
  expect(e.completed).toHaveBeenCalledTimes(1);
});

it("completes the event when the evaluation fails", async () => {
  const workbook = createFakeWorkbook();
  workbook.evaluate.mockRejectedValueOnce(new Error("RichApi.Error"));
  const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const e = await run(workbook);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(log).toHaveBeenCalled();
  log.mockRestore();
});

it("the notice says the level, the counts and where the first error is, in either language", () => {
  const withErrors = { ...GOOD_REPORT, problems: [SHEET_WARNING, ZERO_TARGET, TEXT_IN_NUMBER] };
  const vi = evaluationNotice(withErrors, "vi");
  expect(vi.lines.join(" ")).toContain("Xếp loại đề xuất");
  expect(vi.lines.join(" ")).toContain("Chỉ tiêu!H10");
  expect(evaluationNotice(GOOD_REPORT, "en").lines[0]).toMatch(/^Suggested rating: /);
  expect(evaluationNotice(GOOD_REPORT, "vi").lines).toHaveLength(2);
  const url = noticeUrl("https://localhost:3000/notice.html", vi);
  expect(noticeFromFragment(new URL(url).hash)).toEqual(vi);
  expect(noticeFromFragment("#not-json")).toBeNull();
});
