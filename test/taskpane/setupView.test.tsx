/** @jest-environment jsdom */
// Thiết lập: what the workbook has, the unit form prefilled from it, and setUp() with the form's values.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { PRESET_TITLES } from "../../src/domain/messages/presets";
import { createFakeWorkbook, EMPTY_STATUS, SET_UP_STATUS, SHEET_WARNING } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";
import { sheetMsg } from "../../src/domain/messages/sheet";

afterEach(cleanup);

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement;

it("shows what the workbook has and prefills the form from it", async () => {
  const { workbook } = await renderPane("setup");
  expect(workbook.status).toHaveBeenCalled();
  expect(screen.getByText("Đã có trang chỉ tiêu “Chỉ tiêu” với 18 chỉ tiêu.")).toBeTruthy();
  expect(field(/^Tên đơn vị/).value).toBe("Xã An Hòa");
  expect(field(/^Người đứng đầu/).value).toBe("Nguyễn Văn A");
  expect(field(/^Năm đánh giá/).value).toBe("2025");
  expect(field(/^Bộ quy tắc/).value).toBe("qd366-2025");
  expect(screen.getByText(PRESET_TITLES["qd366-2025"])).toBeTruthy();
  expect(screen.getByRole("radio", { name: "Danh mục trong bảng tính này" })).toHaveProperty("checked", true);
  expect(screen.getByRole("button", { name: "Cập nhật bảng tính" })).toBeTruthy();
  expect(screen.getByRole("status").textContent).toContain("Xã An Hòa (xã, phường), năm 2025");
});

it("calls setUp with the form's values and lists the changes and problems", async () => {
  const { workbook } = await renderPane("setup");
  workbook.setUp.mockResolvedValueOnce({ changes: [sheetMsg.createdSheet.of("Chỉ tiêu"), sheetMsg.createdSheet.of("Quy tắc")], problems: [SHEET_WARNING] });
  fireEvent.change(field(/^Tên đơn vị/), { target: { value: "  Phường Hạc Trì " } });
  fireEvent.change(field(/^Năm đánh giá/), { target: { value: "2026" } });
  fireEvent.change(field(/^Bộ quy tắc/), { target: { value: "nd90-2020" } });
  expect(screen.getByText(PRESET_TITLES["nd90-2020"])).toBeTruthy();
  fireEvent.click(screen.getByRole("radio", { name: /^Danh mục mẫu/ }));
  fireEvent.click(screen.getByRole("button", { name: "Cập nhật bảng tính" }));
  await settle();

  expect(workbook.setUp).toHaveBeenCalledWith({
    unitName: "Phường Hạc Trì",
    unitKind: "commune",
    head: "Nguyễn Văn A",
    year: 2026,
    preset: "nd90-2020",
    catalogue: "default",
  });
  const changes = screen.getByRole("list", { name: "Những gì đã tạo hoặc cập nhật" });
  expect(changes.textContent).toContain('Đã tạo trang tính "Quy tắc".');
  expect(screen.getByRole("list", { name: "Danh sách lỗi và cảnh báo" }).textContent).toContain(SHEET_WARNING.detail);
  expect(workbook.status).toHaveBeenCalledTimes(2);
});

it("keeps the unit kind in the status line", async () => {
  await renderPane("setup");
  fireEvent.change(field(/^Loại đơn vị/), { target: { value: "department" } });
  expect(screen.getByRole("status").textContent).toContain("(sở, ban, ngành)");
});

it("asks for a unit name and a four-digit year before calling setUp", async () => {
  const workbook = createFakeWorkbook(EMPTY_STATUS);
  await renderPane("setup", { workbook });
  expect(screen.getByText("Chưa có trang chỉ tiêu của đơn vị.")).toBeTruthy();
  expect(screen.getByRole("radio", { name: "Danh mục trong bảng tính này" })).toHaveProperty("disabled", true);
  fireEvent.change(field(/^Năm đánh giá/), { target: { value: "25" } });
  fireEvent.click(screen.getByRole("button", { name: "Thiết lập bảng tính" }));
  await settle();
  expect(workbook.setUp).not.toHaveBeenCalled();
  expect(screen.getByText("Hãy nhập tên đơn vị, ví dụ: Xã An Hòa.")).toBeTruthy();
  expect(screen.getByText("Hãy nhập năm bằng 4 chữ số, ví dụ: 2025.")).toBeTruthy();
});

it("explains a failure in plain words, without the stack trace", async () => {
  const { workbook } = await renderPane("setup");
  const error = Object.assign(new Error("The operation failed because Excel is in cell-editing mode."), {
    code: "InvalidOperationInCellEditMode",
  });
  workbook.setUp.mockRejectedValueOnce(error);
  fireEvent.click(screen.getByRole("button", { name: "Cập nhật bảng tính" }));
  await settle();
  const text = document.body.textContent ?? "";
  expect(text).toContain("Không thiết lập được bảng tính.");
  expect(text).toContain("nhấn Enter hoặc Esc để kết thúc ô đang gõ");
  expect(text).toContain("InvalidOperationInCellEditMode");
  expect(text).not.toContain(error.stack?.split("\n")[1]?.trim() ?? "at ");
  expect(text).not.toContain("cell-editing mode");
});

describe("a workbook of several units", () => {
  const status = (unitChosen: boolean) => ({
    ...SET_UP_STATUS,
    unitChosen,
    units: [
      { sheet: "Chỉ tiêu", unitName: "Xã An Hòa", active: unitChosen },
      { sheet: "Chỉ tiêu 2", unitName: "Xã Bình Minh", active: false },
    ],
  });

  it("lists the units, opens another one's sheet, and asks to choose when on none", async () => {
    const workbook = createFakeWorkbook(status(false));
    await renderPane("setup", { workbook });
    expect(screen.getByText("Sổ có nhiều đơn vị: hãy mở trang của đơn vị cần làm.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Mở trang Chỉ tiêu 2" }));
    await settle();
    expect(workbook.selectCell).toHaveBeenCalledWith("Chỉ tiêu 2", "A1");
  });

  it("adds a unit with the form's values, and builds the comparison on request", async () => {
    const workbook = createFakeWorkbook(status(true));
    workbook.buildComparison.mockResolvedValueOnce({ changes: [sheetMsg.builtComparison.of(2)], problems: [] });
    await renderPane("setup", { workbook });
    expect(screen.getByText("Xã An Hòa (đang làm)")).toBeTruthy();
    fireEvent.change(field(/^Tên đơn vị/), { target: { value: "Xã Bình Minh" } });
    fireEvent.click(screen.getByRole("button", { name: "Thêm đơn vị mới" }));
    await settle();
    expect(workbook.setUp).toHaveBeenCalledWith(expect.objectContaining({ unitName: "Xã Bình Minh", addUnit: true }));
    fireEvent.click(screen.getByRole("button", { name: "Lập trang So sánh" }));
    await settle();
    expect(workbook.buildComparison).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Đã lập trang "So sánh", "Hạn mức" và "Biểu đồ" bằng công thức cho 2 đơn vị của sổ này.')).toBeTruthy();
  });
});
