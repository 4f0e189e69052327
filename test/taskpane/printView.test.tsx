/** @jest-environment jsdom */
// In: header and signature fields, a preview of the printed header block, and preparePrint().
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { DEFAULT_HEADER } from "../../src/layout/unit";
import { SHEET_WARNING } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";

afterEach(cleanup);

const input = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;

it("starts from the default header and previews it with the unit's title", async () => {
  await renderPane("print");
  expect(input(/^Cơ quan cấp trên/).value).toBe(DEFAULT_HEADER.superiorBody);
  expect(input(/^Thẩm quyền ký/).value).toBe(DEFAULT_HEADER.signerTitle);
  const preview = screen.getByRole("figure", { name: "Phần đầu, tiêu đề và chữ ký như khi in" });
  expect(preview.textContent).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  expect(preview.textContent).toContain("KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ NĂM 2025 CỦA XÃ AN HÒA");
});

it("updates the preview as the user types and sends the header to preparePrint", async () => {
  const { workbook } = await renderPane("print");
  const typed = {
    superiorBody: "ĐẢNG BỘ TỈNH PHÚ THỌ",
    issuingBody: "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ AN HÒA",
    number: "12-BC/ĐU",
    placeDate: "An Hòa, ngày 20 tháng 12 năm 2025",
    signerTitle: "T/M BAN THƯỜNG VỤ",
    signerPosition: "BÍ THƯ",
    signerName: "Nguyễn Văn A",
    recipients: "- Ban Thường vụ Huyện ủy,\n- Lưu Văn phòng.",
  };
  fireEvent.change(input(/^Cơ quan cấp trên/), { target: { value: typed.superiorBody } });
  fireEvent.change(input(/^Cơ quan ban hành/), { target: { value: typed.issuingBody } });
  fireEvent.change(input(/^Địa danh, ngày tháng/), { target: { value: typed.placeDate } });
  fireEvent.change(input(/^Họ tên người ký/), { target: { value: typed.signerName } });
  fireEvent.change(input(/^Số, ký hiệu/), { target: { value: typed.number } });
  fireEvent.change(input(/^Nơi nhận/), { target: { value: typed.recipients } });
  const preview = screen.getByRole("figure");
  expect(preview.textContent).toContain(typed.superiorBody);
  expect(preview.textContent).toContain(typed.placeDate);
  expect(preview.textContent).toContain(typed.signerName);
  expect(preview.textContent).toContain("Số 12-BC/ĐU");
  expect(preview.textContent).toContain("- Lưu Văn phòng.");

  fireEvent.click(screen.getByRole("button", { name: "Chuẩn bị in" }));
  await settle();
  expect(workbook.preparePrint).toHaveBeenCalledWith({ header: typed });
  expect(screen.getByText(/Đã tạo trang "Bản in".*In bằng Tệp > In \(Ctrl\+P\)/)).toBeTruthy();
});

it("keeps the typed header when the user switches tabs", async () => {
  await renderPane("print");
  fireEvent.change(input(/^Họ tên người ký/), { target: { value: "Trần Thị B" } });
  fireEvent.click(screen.getByRole("tab", { name: "Kiểm tra" }));
  fireEvent.click(screen.getByRole("tab", { name: "In" }));
  await settle();
  expect(input(/^Họ tên người ký/).value).toBe("Trần Thị B");
});

it("says printing was refused and lists the problems preparePrint reports", async () => {
  const { workbook } = await renderPane("print");
  workbook.preparePrint.mockResolvedValueOnce([SHEET_WARNING]);
  fireEvent.click(screen.getByRole("button", { name: "Chuẩn bị in" }));
  await settle();
  expect(screen.getByText(/Chưa in được: sửa các lỗi số liệu/)).toBeTruthy();
  expect(screen.getByRole("list", { name: "Danh sách lỗi và cảnh báo" }).textContent).toContain(SHEET_WARNING.detail);
});
