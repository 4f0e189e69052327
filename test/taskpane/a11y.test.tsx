/** @jest-environment jsdom */
// axe-core over each view in the state a user sees after using it (results, problems, refusals).
// jsdom has no layout, so colour contrast is left to the browser tests.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import axe from "axe-core";
import type { ViewId } from "../../src/taskpane/views";
import { render } from "../../src/domain/messages/localize";
import { msg } from "../../src/domain/messages/engine";
import { SUBJECT_NAMES } from "../../src/domain/messages/names";
import { createFakeWorkbook, GOOD_REPORT, SHEET_WARNING, TEXT_IN_NUMBER, type FakeWorkbook } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";
import { sheetMsg } from "../../src/domain/messages/sheet";
import { asMessage } from "../../src/domain/messages/localize";
import { taskMsg } from "../../src/domain/messages/tasks";
import { entryMsg } from "../../src/domain/messages/taskEntry";

afterEach(cleanup);

/** What to do in each view before scanning it, so the scan covers its results too. */
const USE_VIEW: Record<ViewId, (workbook: FakeWorkbook) => void> = {
  setup: (workbook) => {
    workbook.setUp.mockResolvedValueOnce({ changes: [sheetMsg.createdSheet.of("Chỉ tiêu")], problems: [SHEET_WARNING] });
    fireEvent.click(screen.getByRole("button", { name: "Cập nhật bảng tính" }));
  },
  assign: () => {
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra và lập tệp" }));
  },
  followUp: () => {
    fireEvent.click(screen.getByRole("button", { name: "Ghi số liệu" }));
  },
  check: () => {
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra" }));
  },
  evaluate: () => undefined,
  rating: (workbook) => {
    const said = msg.capExceeded.of(SUBJECT_NAMES.head, "excellent", SUBJECT_NAMES.unit, "good");
    workbook.setFinalLevel.mockResolvedValueOnce({ ok: false, reason: render(said, "vi"), said });
    fireEvent.click(screen.getByRole("button", { name: "Ghi xếp loại" }));
  },
  print: () => {
    fireEvent.click(screen.getByRole("button", { name: "Chuẩn bị in" }));
  },
  tasks: (workbook) => {
    // A refusal naming fields, then a milestone the form cannot read.
    workbook.registerTask.mockResolvedValueOnce({
      ok: false,
      problems: [
        { field: "goal", message: asMessage(taskMsg.noGoal) },
        { field: "register", message: entryMsg.noRoom.of("Lộ trình", 0, 1) },
      ],
    });
    const type = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type(/^Mã việc/, "DP-09");
    type(/^Tên việc đột phá, đổi mới/, "Chợ nông sản số");
    type(/^Tên chỉ tiêu$/, "Hộ bán hàng trên sàn");
    type(/^Kế hoạch$/, "1200");
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra và đăng ký" }));
    // Then a milestone left empty: the form's own message under the milestones.
    fireEvent.click(screen.getByRole("button", { name: "Thêm mốc" }));
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra và đăng ký" }));
  },
  consolidate: () => {
    const file = new File([new Uint8Array([0x50, 0x4b])], "01-an-hoa.xlsx");
    fireEvent.change(screen.getByLabelText("Các tệp của đơn vị (.xlsx)"), { target: { files: [file] } });
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp" }));
  },
  settings: () => {
    fireEvent.change(screen.getByLabelText(/^Hạn mức xuất sắc$/), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu quy tắc" }));
  },
};

const VIEWS = Object.keys(USE_VIEW) as ViewId[];

it.each(VIEWS)("%s has no serious or critical axe violations", async (view) => {
  const workbook = createFakeWorkbook();
  workbook.evaluate.mockResolvedValue({ ...GOOD_REPORT, problems: [TEXT_IN_NUMBER], overwrittenFormulas: ["J7"] });
  const { container } = await renderPane(view, { workbook });
  USE_VIEW[view](workbook);
  await settle();

  const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(" | ")}`);
  expect(serious).toEqual([]);
});
