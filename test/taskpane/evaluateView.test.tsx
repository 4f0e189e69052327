/** @jest-environment jsdom */
// Đánh giá: evaluate() on opening; groups as progress bars; the level with its reasons and the
// provisional badge; formulas restored only on the user's click; refresh by event or by button.
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import type { EvaluationReport } from "../../src/contract/workbook";
import { createFakeWorkbook, GOOD_REPORT, TEXT_IN_NUMBER } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";

afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const withOverwritten: EvaluationReport = { ...GOOD_REPORT, overwrittenFormulas: ["J7", "K7"] };

it("evaluates on opening and shows the level, its reasons, points and the provisional badge", async () => {
  const { workbook } = await renderPane("evaluate");
  expect(workbook.evaluate).toHaveBeenCalledTimes(1);
  expect(workbook.evaluate).toHaveBeenCalledWith(undefined);
  expect(screen.getByText("Hoàn thành tốt nhiệm vụ")).toBeTruthy();
  expect(screen.getByText("Tạm tính: mức sàn")).toBeTruthy();
  expect(screen.getByText("Có thể đạt tối đa: Hoàn thành xuất sắc nhiệm vụ (nếu các số liệu còn thiếu đều vượt kế hoạch).")).toBeTruthy();
  expect(screen.getByText("Điểm kết quả: 70 (chưa có điểm tiêu chí chung).")).toBeTruthy();
  const reasons = screen.getByRole("list", { name: "Lý do" });
  expect(within(reasons).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "18/18 chỉ tiêu đạt hoặc vượt, trong đó 4 chỉ tiêu vượt (22,22 %).",
    "Chưa có điểm tiêu chí chung (điểm kết quả 70): kết quả tạm tính.",
  ]);
});

it("shows one labelled progress bar per group", async () => {
  await renderPane("evaluate");
  const bars = screen.getAllByRole("progressbar");
  expect(bars).toHaveLength(2);
  const second = screen.getByRole("progressbar", { name: /^Nhóm 2: Hệ thống chính trị/ });
  expect(second.getAttribute("aria-valuenow")).toBe("0.75");
  expect(second.getAttribute("aria-valuetext")).toBe("3 trên 4 chỉ tiêu đạt");
  expect(screen.getByText("3/4 chỉ tiêu đạt; 4 chỉ tiêu đã có số liệu.")).toBeTruthy();
});

it("offers a Refresh button when Excel cannot report changes", async () => {
  const { workbook } = await renderPane("evaluate");
  fireEvent.click(screen.getByRole("button", { name: "Đánh giá lại" }));
  await settle();
  expect(workbook.evaluate).toHaveBeenCalledTimes(2);
});

it("re-evaluates after input changes where Excel reports them, and stops listening on leaving", async () => {
  jest.useFakeTimers();
  const stop = jest.fn(async () => undefined);
  let notify = () => {};
  const workbook = createFakeWorkbook();
  workbook.onInputsChanged.mockImplementation(async (listener) => {
    notify = listener;
    return stop;
  });
  await renderPane("evaluate", { workbook });
  expect(screen.queryByRole("button", { name: "Đánh giá lại" })).toBeNull();
  expect(screen.getByText("Tự đánh giá lại khi số liệu thay đổi.")).toBeTruthy();
  act(() => {
    notify();
    notify();
    jest.advanceTimersByTime(500);
  });
  await settle();
  expect(workbook.evaluate).toHaveBeenCalledTimes(2);
  fireEvent.click(screen.getByRole("tab", { name: "Xếp loại" }));
  expect(stop).toHaveBeenCalledTimes(1);
});

it("restores overwritten formulas only when asked", async () => {
  const workbook = createFakeWorkbook();
  workbook.evaluate.mockResolvedValue(withOverwritten);
  await renderPane("evaluate", { workbook });
  expect(screen.getByText(/Các ô J7, K7 lẽ ra chứa công thức/)).toBeTruthy();
  expect(workbook.evaluate).toHaveBeenCalledTimes(1);
  expect(workbook.evaluate).not.toHaveBeenCalledWith({ restoreFormulas: true });

  workbook.evaluate.mockResolvedValue(GOOD_REPORT);
  fireEvent.click(screen.getByRole("button", { name: "Khôi phục công thức" }));
  await settle();
  expect(workbook.evaluate).toHaveBeenLastCalledWith({ restoreFormulas: true });
  expect(screen.queryByRole("button", { name: "Khôi phục công thức" })).toBeNull();
});

it("lists input errors and says nothing was written", async () => {
  const workbook = createFakeWorkbook();
  workbook.evaluate.mockResolvedValue({
    ...GOOD_REPORT,
    problems: [TEXT_IN_NUMBER],
    wrote: false,
    evaluation: { ...GOOD_REPORT.evaluation, summary: { ...GOOD_REPORT.evaluation.summary, level: null, reasons: [] } },
  });
  await renderPane("evaluate", { workbook });
  expect(screen.getByText(/chưa ghi kết quả vào bảng tính/)).toBeTruthy();
  expect(screen.getByText("Chưa xếp loại được")).toBeTruthy();
  fireEvent.click(within(screen.getByRole("list", { name: "Danh sách lỗi và cảnh báo" })).getByRole("listitem"));
  await settle();
  expect(workbook.selectCell).toHaveBeenCalledWith("Chỉ tiêu", "I9");
});

it("shows English labels with the official level name's translation", async () => {
  await renderPane("evaluate", { language: "en" });
  expect(screen.getByText("Good")).toBeTruthy();
  expect(screen.getByText("Provisional: floor")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Evaluate again" })).toBeTruthy();
});
