/** @jest-environment jsdom */
// Kiểm tra: check() lists every problem with its sheet and cell; click or Enter selects the cell.
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { SHEET_WARNING, TEXT_IN_NUMBER, ZERO_TARGET } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";

afterEach(cleanup);

async function runCheck() {
  fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await settle();
  return screen.getByRole("list", { name: "Danh sách lỗi và cảnh báo" });
}

it("lists each problem with its sheet and cell", async () => {
  const { workbook } = await renderPane("check");
  expect(workbook.check).not.toHaveBeenCalled();
  const list = await runCheck();
  expect(workbook.check).toHaveBeenCalledTimes(1);
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(2);
  expect(items[0].textContent).toContain("Chỉ tiêu!I9");
  expect(items[0].textContent).toContain(TEXT_IN_NUMBER.detail);
  expect(items[1].textContent).toContain("Chỉ tiêu!H10");
  expect(items[0].getAttribute("aria-label")).toBe(
    `Lỗi tại ô Chỉ tiêu!I9: ${TEXT_IN_NUMBER.detail} Nhấn Enter để chọn ô này.`,
  );
  expect(screen.getByText(/2 lỗi, 0 cảnh báo\./)).toBeTruthy();
});

it("selects the cell of a problem on click", async () => {
  const { workbook } = await renderPane("check");
  const list = await runCheck();
  fireEvent.click(within(list).getAllByRole("listitem")[0]);
  await settle();
  expect(workbook.selectCell).toHaveBeenCalledWith("Chỉ tiêu", "I9");
});

it("reaches the problems with the keyboard and selects a cell with Enter", async () => {
  const { workbook } = await renderPane("check");
  const list = await runCheck();
  const items = within(list).getAllByRole("listitem");
  expect(items.every((item) => item.tabIndex >= -1)).toBe(true);
  expect(items[0].tabIndex).toBe(0);
  act(() => items[1].focus());
  expect(document.activeElement).toBe(items[1]);
  fireEvent.keyDown(items[1], { key: "Enter" });
  await settle();
  expect(workbook.selectCell).toHaveBeenCalledWith("Chỉ tiêu", ZERO_TARGET.cell);
});

it("does not try to select a problem that has no cell", async () => {
  const { workbook } = await renderPane("check");
  workbook.check.mockResolvedValueOnce([SHEET_WARNING]);
  const list = await runCheck();
  const item = within(list).getByRole("listitem");
  expect(item.textContent).toContain("Quy tắc");
  fireEvent.click(item);
  fireEvent.keyDown(item, { key: "Enter" });
  await settle();
  expect(workbook.selectCell).not.toHaveBeenCalled();
  expect(screen.getByText(/0 lỗi, 1 cảnh báo\./)).toBeTruthy();
});

it("says so when there is nothing to fix", async () => {
  const { workbook } = await renderPane("check");
  workbook.check.mockResolvedValueOnce([]);
  fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await settle();
  expect(screen.getByText("Không có lỗi: số liệu đã sẵn sàng để đánh giá.")).toBeTruthy();
});

it("shows a failed cell selection in plain words", async () => {
  const { workbook } = await renderPane("check");
  workbook.selectCell.mockRejectedValueOnce(Object.assign(new Error("gone"), { code: "ItemNotFound" }));
  const list = await runCheck();
  fireEvent.click(within(list).getAllByRole("listitem")[0]);
  await settle();
  expect(screen.getByText("Không chọn được ô trong bảng tính.")).toBeTruthy();
  expect(document.body.textContent).toContain("Không tìm thấy trang tính cần dùng");
});
