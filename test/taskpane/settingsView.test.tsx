/** @jest-environment jsdom */
// Cài đặt: every threshold of the rule set, shares edited as percentages, written with writeRules().
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { PRESETS } from "../../src/domain";
import { SaidError } from "../../src/domain/messages/localize";
import { strings } from "../../src/i18n/allStrings";
import { sheetMsg } from "../../src/domain/messages/sheet";
import { SHEETS } from "../../src/layout/schema";
import { createFakeWorkbook, SHEET_WARNING } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";

afterEach(cleanup);

const input = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const save = async () => {
  fireEvent.click(screen.getByRole("button", { name: "Lưu quy tắc" }));
  await settle();
};

it("shows the rules read from the workbook, shares as percentages", async () => {
  const { workbook } = await renderPane("settings");
  expect(workbook.readRules).toHaveBeenCalledTimes(1);
  expect(input(/^Tỷ lệ chỉ tiêu vượt để Hoàn thành xuất sắc/).value).toBe("30");
  expect(input(/^Tỷ lệ chỉ tiêu đạt để Hoàn thành/).value).toBe("100");
  expect(input(/^Tỷ lệ chỉ tiêu chậm tiến độ tối đa/).value).toBe("20");
  expect(input(/^Điểm tối thiểu để Hoàn thành xuất sắc/).value).toBe("90");
  expect(input(/^Hạn mức xuất sắc$/).value).toBe("20");
  expect(input(/^Dưới tỷ lệ đạt này/).value).toBe("");
  expect(screen.getByRole("switch", { name: "Xếp loại có xét điểm (thang 100 điểm)" })).toHaveProperty("checked", true);
  expect(screen.getByRole("checkbox", { name: "Tính cả khi tỷ lệ vượt bằng đúng ngưỡng (≥)" })).toHaveProperty("checked", true);
});

it("writes the edited rules back, percentages as shares", async () => {
  const { workbook } = await renderPane("settings");
  fireEvent.change(input(/^Tỷ lệ chỉ tiêu vượt để Hoàn thành xuất sắc/), { target: { value: "35" } });
  fireEvent.change(input(/^Điểm tối thiểu để Hoàn thành tốt/), { target: { value: "72,5" } });
  fireEvent.change(input(/^Dưới tỷ lệ đạt này/), { target: { value: "50%" } });
  fireEvent.change(input(/^Tỷ lệ chỉ tiêu đạt để Hoàn thành/), { target: { value: "70" } });
  fireEvent.change(input(/^Tỷ lệ chỉ tiêu chậm tiến độ tối đa/), { target: { value: "" } });
  fireEvent.click(screen.getByRole("switch", { name: /^Hoàn thành xuất sắc cần thêm/ }));
  fireEvent.click(screen.getByRole("checkbox", { name: "Tính cả khi tỷ lệ đạt bằng đúng ngưỡng (≥)" }));
  fireEvent.click(screen.getByRole("switch", { name: /^Chỉ tiêu chủ yếu không đạt/ }));
  await save();
  expect(workbook.writeRules).toHaveBeenCalledWith({
    ...PRESETS["qd366-2025"],
    excellentExceededShare: { min: 0.35, inclusive: true },
    goodMinPoints: 72.5,
    completeMetShare: { min: 0.7, inclusive: false },
    incompleteBelowMetShare: 0.5,
    keyIndicatorDecides: false,
    completeLateShare: null,
    excellenceAnswers: false,
  });
  expect(screen.getByText(/Đã lưu quy tắc vào trang Quy tắc/)).toBeTruthy();
});

it("resets every threshold when another preset is chosen", async () => {
  const { workbook } = await renderPane("settings");
  fireEvent.change(screen.getByRole("combobox", { name: /^Bộ quy tắc/ }), { target: { value: "nd90-2020" } });
  expect(input(/^Tỷ lệ chỉ tiêu vượt để Hoàn thành xuất sắc/).value).toBe("50");
  await save();
  expect(workbook.writeRules).toHaveBeenCalledWith(PRESETS["nd90-2020"]);
});

it("refuses numbers it cannot read and says what to type", async () => {
  const { workbook } = await renderPane("settings");
  fireEvent.change(input(/^Hạn mức xuất sắc$/), { target: { value: "hai mươi" } });
  fireEvent.change(input(/^Điểm tối thiểu để Hoàn thành$/), { target: { value: "" } });
  fireEvent.change(input(/^Tỷ lệ chỉ tiêu đạt để Hoàn thành/), { target: { value: "170" } });
  await save();
  expect(workbook.writeRules).not.toHaveBeenCalled();
  expect(screen.getAllByText("Cần một tỷ lệ từ 0 đến 100, ví dụ 30 hoặc 33,3.")).toHaveLength(2);
  expect(screen.getByText("Cần một số không âm, ví dụ 90 hoặc 87,5.")).toBeTruthy();
});

it("lists problems of the rules sheet", async () => {
  const workbook = createFakeWorkbook();
  workbook.readRules.mockResolvedValueOnce({ rules: PRESETS["qd366-2025"], problems: [SHEET_WARNING] });
  await renderPane("settings", { workbook });
  expect(screen.getByText("Trang quy tắc có lỗi")).toBeTruthy();
  expect(screen.getByText(SHEET_WARNING.detail)).toBeTruthy();
});

it("lists every field that stops the save beside the button", async () => {
  const { workbook } = await renderPane("settings");
  fireEvent.change(input(/^Tỷ lệ chỉ tiêu vượt để Hoàn thành xuất sắc/), { target: { value: "abc" } });
  fireEvent.change(input(/^Tỷ lệ chỉ tiêu đạt để Hoàn thành/), { target: { value: "170" } });
  await save();
  expect(workbook.writeRules).not.toHaveBeenCalled();
  const actions = screen.getByRole("button", { name: "Lưu quy tắc" }).parentElement as HTMLElement;
  const beside = actions.nextElementSibling as HTMLElement;
  expect(beside.getAttribute("role")).toBe("alert");
  expect(beside.querySelectorAll("li")).toHaveLength(2);
  expect(beside.textContent).toMatch(/^Chưa ghi quy tắc/);
  expect(beside.textContent).toContain("Tỷ lệ chỉ tiêu vượt để Hoàn thành xuất sắc");
  expect(beside.textContent).toContain("Tỷ lệ chỉ tiêu đạt để Hoàn thành");
});

it("says why the add-in refused to save, in the pane's language; Excel's own failures get advice", async () => {
  const workbook = createFakeWorkbook();
  workbook.writeRules.mockRejectedValueOnce(new SaidError(sheetMsg.rulesCellsMissing.of(SHEETS.rules, ["DiemTot"])));
  await renderPane("settings", { workbook, language: "en" });
  fireEvent.click(screen.getByRole("button", { name: strings.en.rulesSaveButton }));
  await settle();
  expect(screen.getByText(`The "Quy tắc" sheet has no cell DiemTot; run Setup.`, { exact: false })).toBeTruthy();
  expect(screen.queryByText(strings.en.adviceRetry, { exact: false })).toBeNull();

  workbook.writeRules.mockRejectedValueOnce(Object.assign(new Error("Lỗi nội bộ"), { code: "AccessDenied" }));
  fireEvent.click(screen.getByRole("button", { name: strings.en.rulesSaveButton }));
  await settle();
  expect(screen.getByText(strings.en.adviceProtected, { exact: false })).toBeTruthy();
  expect(screen.queryByText("Lỗi nội bộ", { exact: false })).toBeNull();
});
