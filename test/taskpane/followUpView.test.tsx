/** @jest-environment jsdom */
// Theo dõi over the fake workbook: the period chosen goes to the service as its quarter's columns
// and its last day (a month to its quarter), a refusal over figures already recorded offers to
// replace them, and the latest snapshot's progress is shown with what is behind first.
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { fill } from "../../src/i18n/fill";
import { strings } from "../../src/i18n/allStrings";
import { problem } from "../../src/layout/problems";
import { sheetMsg } from "../../src/domain/messages/sheet";
import { defaultPeriod, periodChoice } from "../../src/domain";
import { createFakeWorkbook, FOLLOW_UP_REPORT } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";
import { verbatim } from "../../src/domain/messages/localize";

const vi = strings.vi;
afterEach(cleanup);

test("a quarter or a month stands at its last day, in its quarter's columns", () => {
  expect(periodChoice("q2", 2025)).toEqual({ period: 1, asOf: "2025-06-30" });
  expect(periodChoice("m2", 2024)).toEqual({ period: 0, asOf: "2024-02-29" });
  expect(periodChoice("m12", 2025)).toEqual({ period: 3, asOf: "2025-12-31" });
  expect(periodChoice("q5", 2025)).toBeNull();
  expect(defaultPeriod(2025, new Date(2025, 7, 15))).toBe("q2");
  expect(defaultPeriod(2025, new Date(2025, 1, 15))).toBe("q1");
  expect(defaultPeriod(2025, new Date(2026, 0, 5))).toBe("q4");
});

test("the latest snapshot's progress, what is behind first, each with due and done", async () => {
  await renderPane("followUp");
  expect(screen.getByText(fill(vi.followUpBehindCount, { behind: 1, total: 2 }))).toBeTruthy();
  const items = within(screen.getByRole("list", { name: vi.followUpFiguresLabel })).getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual([
    `${vi.followUpBehind}1.1 Kết nạp đảng viên mới` +
      fill(vi.followUpFigure, { actual: "50 người", expected: "60 người", rule: vi.followUpRuleProRata, achievement: "83,33 %" }),
    `${vi.followUpOnTrack}1.2 Tỷ lệ tổ chức đảng hoàn thành tốt` +
      fill(vi.followUpFigure, { actual: "86 %", expected: "85 %", rule: vi.followUpRuleAsIs, achievement: "101,18 %" }),
  ]);
  // An earlier snapshot is one choice away.
  fireEvent.change(screen.getByLabelText(vi.followUpSnapshotLabel), { target: { value: "0" } });
  expect(screen.getByText(fill(vi.followUpBehindCount, { behind: 1, total: 2 }))).toBeTruthy();
  expect(within(screen.getByRole("list", { name: vi.followUpFiguresLabel })).getAllByRole("listitem")[0].textContent).toContain("1.2");
});

test("recording a month asks for its quarter's columns; figures already there are replaced only when asked", async () => {
  const workbook = createFakeWorkbook();
  workbook.recordSnapshot.mockResolvedValueOnce({
    ...FOLLOW_UP_REPORT,
    needsReplace: true,
    problems: [problem("Theo dõi", "K5", verbatim('Kỳ này đã có số liệu đến ngày 30/04/2025: chọn "Ghi đè" nếu muốn thay bằng số liệu hiện nay.'))],
  });
  await renderPane("followUp", { workbook });
  fireEvent.change(screen.getByLabelText(vi.followUpPeriodLabel, { exact: false }), { target: { value: "m5" } });
  fireEvent.click(screen.getByRole("button", { name: vi.followUpRecordButton }));
  await settle();
  expect(workbook.recordSnapshot).toHaveBeenLastCalledWith({ period: 1, asOf: "2025-05-31", replace: false });
  expect(document.body.textContent).toContain("Theo dõi!K5");
  fireEvent.click(screen.getByRole("button", { name: vi.followUpReplaceButton }));
  await settle();
  expect(workbook.recordSnapshot).toHaveBeenLastCalledWith({ period: 1, asOf: "2025-05-31", replace: true });
  expect(screen.getByText(fill(vi.followUpRecorded, { date: "31/05/2025" }))).toBeTruthy();
  expect(screen.queryByRole("button", { name: vi.followUpReplaceButton })).toBeNull();
});

test("without the follow-up sheet, offers to create it and reads again", async () => {
  const workbook = createFakeWorkbook();
  workbook.readFollowUp.mockResolvedValueOnce({ unit: FOLLOW_UP_REPORT.unit, exists: false, year: 2025, cadence: "quarter", snapshots: [], problems: [], wrote: false, needsReplace: false });
  await renderPane("followUp", { workbook });
  expect(screen.getByText(fill(vi.followUpNoSheet, { sheet: "Theo dõi" }))).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: vi.followUpCreateButton }));
  await settle();
  expect(workbook.createFollowUp).toHaveBeenCalledTimes(1);
  expect(workbook.createFollowUp).toHaveBeenCalledWith("quarter");
  expect(workbook.readFollowUp).toHaveBeenCalledTimes(2);
  expect(screen.getByText(fill(vi.followUpBehindCount, { behind: 1, total: 2 }))).toBeTruthy();
});

test("creates a sheet with a column group per month when asked, and names its snapshots by month", async () => {
  const workbook = createFakeWorkbook();
  workbook.readFollowUp.mockResolvedValueOnce({ unit: FOLLOW_UP_REPORT.unit, exists: false, year: 2025, cadence: "quarter", snapshots: [], problems: [], wrote: false, needsReplace: false });
  workbook.readFollowUp.mockResolvedValueOnce({ ...FOLLOW_UP_REPORT, cadence: "month", snapshots: FOLLOW_UP_REPORT.snapshots.map((p, i) => ({ ...p, period: [2, 5][i] })) });
  await renderPane("followUp", { workbook });
  fireEvent.click(screen.getByRole("radio", { name: vi.followUpCadenceMonth }));
  fireEvent.click(screen.getByRole("button", { name: vi.followUpCreateButton }));
  await settle();
  expect(workbook.createFollowUp).toHaveBeenCalledWith("month");
  expect(screen.getByText(vi.followUpPeriodHintMonthly)).toBeTruthy();
  const options = within(screen.getByRole("combobox", { name: vi.followUpSnapshotLabel })).getAllByRole("option").map((o) => o.textContent);
  expect(options).toEqual([fill(vi.followUpSnapshotOptionMonth, { n: 3, date: "31/03/2025" }), fill(vi.followUpSnapshotOptionMonth, { n: 6, date: "30/06/2025" })]);
});

test("in a workbook of several units: the unit the user is on, or what to open first, and a second read", async () => {
  const workbook = createFakeWorkbook();
  const choose = problem("Quy tắc", null, sheetMsg.chooseUnit.of(["Chỉ tiêu", "Chỉ tiêu 2"]));
  workbook.readFollowUp.mockResolvedValueOnce({ unit: null, exists: false, year: null, cadence: "quarter", snapshots: [], problems: [choose], wrote: false, needsReplace: false });
  workbook.readFollowUp.mockResolvedValueOnce({ ...FOLLOW_UP_REPORT, unit: { sheet: "Theo dõi 2", unitName: "Sông Lô" }, exists: false, snapshots: [] });
  await renderPane("followUp", { workbook });
  expect(document.body.textContent).toContain(choose.detail);
  expect(screen.queryByRole("button", { name: vi.followUpCreateButton })).toBeNull();
  expect(screen.queryByRole("button", { name: vi.followUpRecordButton })).toBeNull();
  // The user opens the second unit's sheet and reads again.
  fireEvent.click(screen.getByRole("button", { name: vi.followUpReread }));
  await settle();
  expect(workbook.readFollowUp).toHaveBeenCalledTimes(2);
  expect(screen.getByText(fill(vi.followUpUnit, { unit: "Sông Lô", sheet: "Theo dõi 2" }))).toBeTruthy();
  expect(screen.getByText(fill(vi.followUpNoSheet, { sheet: "Theo dõi 2" }))).toBeTruthy();
  expect(screen.getByRole("button", { name: vi.followUpCreateButton })).toBeTruthy();
});
