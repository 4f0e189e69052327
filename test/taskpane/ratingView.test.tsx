/** @jest-environment jsdom */
// Xếp loại: the final level and the unit's level (the cap) go to setFinalLevel(); a refusal shows
// the service's reason as it is.
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import type { EvaluationReport } from "../../src/contract/workbook";
import { render } from "../../src/domain/messages/localize";
import { msg } from "../../src/domain/messages/engine";
import { SUBJECT_NAMES } from "../../src/domain/messages/names";
import { createFakeWorkbook, GOOD_REPORT } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";

afterEach(cleanup);

const select = (name: RegExp) => screen.getByRole("combobox", { name }) as HTMLSelectElement;

it("labels both choices and offers the four levels, highest first", async () => {
  await renderPane("rating");
  const final = select(/^Xếp loại của người đứng đầu/);
  expect([...final.options].map((o) => o.textContent)).toEqual([
    "Chưa xếp loại (xóa)",
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
  ]);
  expect(select(/^Xếp loại của tập thể, đơn vị/)).toBeTruthy();
  expect(screen.getByText("Xếp loại đề xuất theo số liệu: Hoàn thành tốt nhiệm vụ.")).toBeTruthy();
});

it("calls setFinalLevel with the final level and the cap", async () => {
  const { workbook } = await renderPane("rating");
  fireEvent.change(select(/^Xếp loại của tập thể, đơn vị/), { target: { value: "good" } });
  fireEvent.change(select(/^Xếp loại của người đứng đầu/), { target: { value: "good" } });
  fireEvent.click(screen.getByRole("button", { name: "Ghi xếp loại" }));
  await settle();
  expect(workbook.setFinalLevel).toHaveBeenCalledWith("good", "good", null);
  expect(screen.getByText("Đã ghi xếp loại vào bảng tính.")).toBeTruthy();
});

it("shows the reason when the level is above the cap", async () => {
  const { workbook } = await renderPane("rating");
  const said = msg.capExceeded.of(SUBJECT_NAMES.head, "excellent", SUBJECT_NAMES.unit, "complete");
  const reason = render(said, "vi");
  expect(reason).toBe('Không thể xếp người đứng đầu mức "Hoàn thành xuất sắc nhiệm vụ": cao hơn mức của tập thể, đơn vị ("Hoàn thành nhiệm vụ").');
  workbook.setFinalLevel.mockResolvedValueOnce({ ok: false, reason, said });
  fireEvent.change(select(/^Xếp loại của tập thể, đơn vị/), { target: { value: "complete" } });
  fireEvent.change(select(/^Xếp loại của người đứng đầu/), { target: { value: "excellent" } });
  fireEvent.click(screen.getByRole("button", { name: "Ghi xếp loại" }));
  await settle();
  expect(workbook.setFinalLevel).toHaveBeenCalledWith("excellent", "complete", null);
  expect(screen.getByText("Không chấp nhận mức xếp loại này.")).toBeTruthy();
  expect(screen.getByText(reason)).toBeTruthy();
  expect(screen.queryByText("Đã ghi xếp loại vào bảng tính.")).toBeNull();
});

it("passes the civil-servant level as the second cap", async () => {
  const { workbook } = await renderPane("rating");
  fireEvent.change(select(/^Xếp loại của tập thể, đơn vị/), { target: { value: "excellent" } });
  fireEvent.change(select(/^Xếp loại công chức của người đứng đầu/), { target: { value: "complete" } });
  fireEvent.change(select(/^Xếp loại của người đứng đầu/), { target: { value: "complete" } });
  fireEvent.click(screen.getByRole("button", { name: "Ghi xếp loại" }));
  await settle();
  expect(workbook.setFinalLevel).toHaveBeenCalledWith("complete", "excellent", "complete");
});

it("clears the final level with the empty choice", async () => {
  const { workbook } = await renderPane("rating");
  fireEvent.click(screen.getByRole("button", { name: "Ghi xếp loại" }));
  await settle();
  expect(workbook.setFinalLevel).toHaveBeenCalledWith(null, null, null);
  expect(screen.getByText("Đã xóa xếp loại cuối cùng.")).toBeTruthy();
});

it("shows the suggested level of the last evaluation", async () => {
  await renderPane("evaluate");
  fireEvent.click(screen.getByRole("tab", { name: "Xếp loại" }));
  await settle();
  expect(screen.getByText("Xếp loại đề xuất theo số liệu: Hoàn thành tốt nhiệm vụ.")).toBeTruthy();
});

const EXCELLENT_REPORT: EvaluationReport = {
  ...GOOD_REPORT,
  evaluation: { ...GOOD_REPORT.evaluation, summary: { ...GOOD_REPORT.evaluation.summary, level: "excellent" } },
};

it("evaluates again on opening: the suggestion is the data's now, not the last Đánh giá's", async () => {
  const { workbook } = await renderPane("evaluate");
  workbook.evaluate.mockResolvedValue(EXCELLENT_REPORT);
  fireEvent.click(screen.getByRole("tab", { name: "Xếp loại" }));
  await settle();
  expect(screen.getByText("Xếp loại đề xuất theo số liệu: Hoàn thành xuất sắc nhiệm vụ.")).toBeTruthy();
  expect(screen.queryByText("Xếp loại đề xuất theo số liệu: Hoàn thành tốt nhiệm vụ.")).toBeNull();
});

it("takes no final level while the suggestion is out of date, and shows the new one once the data are evaluated", async () => {
  jest.useFakeTimers();
  let notify = () => {};
  const workbook = createFakeWorkbook();
  workbook.onInputsChanged.mockImplementation(async (listener) => {
    notify = listener;
    return async () => undefined;
  });
  await renderPane("rating", { workbook });
  const save = screen.getByRole("button", { name: "Ghi xếp loại" }) as HTMLButtonElement;
  expect(save.disabled).toBe(false);
  workbook.evaluate.mockResolvedValue(EXCELLENT_REPORT);
  act(() => notify());
  expect(screen.getByText(/^Đang tính lại xếp loại đề xuất/)).toBeTruthy();
  expect(save.disabled).toBe(true);
  fireEvent.submit(save.closest("form") as HTMLFormElement);
  await settle();
  expect(workbook.setFinalLevel).not.toHaveBeenCalled();
  act(() => jest.advanceTimersByTime(500));
  await settle();
  expect(screen.getByText("Xếp loại đề xuất theo số liệu: Hoàn thành xuất sắc nhiệm vụ.")).toBeTruthy();
  expect(save.disabled).toBe(false);
  jest.useRealTimers();
});
