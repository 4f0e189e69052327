/** @jest-environment jsdom */
// Đột phá: the register's follow-up cells, a leader's tasks with progress and jumps to overdue
// milestones, creating a missing register, and registering a task through the workbook's check.
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { createFakeWorkbook, REGISTER_REPORT } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";
import { taskMsg } from "../../src/domain/messages/tasks";
import { entryMsg } from "../../src/domain/messages/taskEntry";

afterEach(cleanup);

const input = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: RegExp, value: string) => fireEvent.change(input(label), { target: { value } });
const click = async (name: string | RegExp) => {
  fireEvent.click(screen.getByRole("button", { name }));
  await settle();
};

/** The smallest valid form: what a user must type beside the defaults (leader chosen, years of the follow-up). */
function fillValidTask(): void {
  type(/^Mã việc/, "DP-09");
  type(/^Tên việc đột phá, đổi mới/, "Chợ nông sản số");
  type(/^Mục tiêu chung/, "Mọi hộ bán hàng trên sàn");
  type(/^Tên chỉ tiêu$/, "Hộ bán hàng trên sàn");
  type(/^Kế hoạch$/, "1.200");
}

it("lists the chosen leader's tasks with their level, provisional mark and progress", async () => {
  const { workbook } = await renderPane("tasks");
  expect(workbook.readTaskRegister).toHaveBeenCalledTimes(1);
  expect(input(/^Ngày theo dõi/).value).toBe("2025-11-15");
  expect(input(/^Năm xếp loại/).value).toBe("2025");
  const list = screen.getByRole("list", { name: "Các việc của Nguyễn Văn A" });
  const items = within(list).getAllByRole("listitem");
  expect(items.map((i) => i.querySelector("span")?.textContent)).toEqual(["DP-01 · Chuyển đổi số toàn xã", "DP-02 · Cải cách thủ tục hành chính"]);
  expect(items[0].textContent).toContain("Hoàn thành tốt việc đột phá, đổi mới");
  expect(items[0].textContent).toContain("Tạm tính");
  expect(items[0].textContent).toContain("3/5 mốc đã xong · 1 mốc quá hạn · 1 mốc sắp đến hạn");
  expect(items[1].textContent).toContain("Không xếp loại năm 2025");
  expect(items[1].textContent).not.toContain("Tạm tính");

  fireEvent.change(screen.getByRole("combobox", { name: /^Người đứng đầu/ }), { target: { value: "Trần Thị B" } });
  const other = screen.getByRole("list", { name: "Các việc của Trần Thị B" });
  expect(other.textContent).toContain("Cả giai đoạn: Hoàn thành xuất sắc việc đột phá, đổi mới");
  // The form follows the leader chosen, with the position and unit of their tasks.
  expect(screen.getByRole("textbox", { name: /^Người đứng đầu/ })).toHaveProperty("value", "Trần Thị B");
  expect(input(/^Chức vụ/).value).toBe("Chủ tịch");
});

it("jumps to an overdue or due-soon milestone's cell", async () => {
  const { workbook } = await renderPane("tasks");
  await click("Mở mốc Khai trương cổng dịch vụ công, hạn 2025-09-30, quá hạn");
  expect(workbook.selectCell).toHaveBeenCalledWith("Lộ trình", "D9");
  await click(/^Mở mốc Tập huấn cán bộ/);
  expect(workbook.selectCell).toHaveBeenLastCalledWith("Lộ trình", "D10");
});

it("writes the follow-up date and year, then reads the register again; a bad year is refused in the form", async () => {
  const { workbook } = await renderPane("tasks");
  type(/^Năm xếp loại/, "20x6");
  await click("Ghi và tính lại");
  expect(screen.getByText("Nhập năm từ 2000 đến 2100.")).toBeTruthy();
  expect(workbook.setTaskFollowUp).not.toHaveBeenCalled();
  type(/^Năm xếp loại/, "2026");
  type(/^Ngày theo dõi/, "2026-01-10");
  await click("Ghi và tính lại");
  expect(workbook.setTaskFollowUp).toHaveBeenCalledWith({ asOf: "2026-01-10", year: 2026 });
  expect(workbook.readTaskRegister).toHaveBeenCalledTimes(2);
});

it("offers to create the register when the workbook has none", async () => {
  const workbook = createFakeWorkbook();
  workbook.readTaskRegister.mockResolvedValueOnce({ exists: false, followUp: null, tasks: [], problems: [] });
  await renderPane("tasks", { workbook });
  expect(screen.queryByRole("button", { name: "Kiểm tra và đăng ký" })).toBeNull();
  await click("Tạo sổ việc đột phá");
  const [followUp] = workbook.createTaskRegister.mock.calls[0];
  expect(followUp.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(followUp.year).toBe(Number(followUp.asOf.slice(0, 4)));
  expect(followUp.year).toBe(2025); // the fake workbook's year
  expect(workbook.readTaskRegister).toHaveBeenCalledTimes(2);
  expect(screen.getByRole("button", { name: "Kiểm tra và đăng ký" })).toBeTruthy();
});

it("registers a task from the form as an entry for the workbook's check", async () => {
  const { workbook } = await renderPane("tasks");
  fillValidTask();
  await click("Thêm mốc");
  type(/^Nội dung mốc/, "Khai trương sàn");
  type(/^Hạn$/, "2025-12-20");
  await click("Kiểm tra và đăng ký");
  expect(workbook.registerTask).toHaveBeenCalledWith({
    code: "DP-09",
    leader: "Nguyễn Văn A",
    position: "Bí thư",
    unit: "Xã An Hòa",
    title: "Chợ nông sản số",
    kind: "breakthrough",
    firstYear: 2025,
    lastYear: 2025,
    goal: "Mọi hộ bán hàng trên sàn",
    focalBody: "",
    focalPerson: "",
    solutions: "",
    approval: { body: "", number: "", date: null },
    targets: [{ year: 2025, name: "Hộ bán hàng trên sàn", unit: "", direction: "increase", target: 1200 }],
    milestones: [{ what: "Khai trương sàn", due: "2025-12-20" }],
  });
  expect(screen.getByText("Đã ghi việc DP-09 vào sổ, ô Việc đột phá!A9.")).toBeTruthy();
  expect(workbook.readTaskRegister).toHaveBeenCalledTimes(2);
  // The form starts again.
  expect(input(/^Mã việc/).value).toBe("");
});

it("shows the check's messages under the fields they name, and nothing is registered from an unreadable form", async () => {
  const workbook = createFakeWorkbook();
  workbook.registerTask.mockResolvedValueOnce({
    ok: false,
    problems: [
      { field: "lastYear", message: taskMsg.yearUncovered.of(2026) },
      { field: "firstYear", message: taskMsg.tooMany.of("Nguyễn Văn A", 2025, 3, 2) },
    ],
  });
  await renderPane("tasks", { workbook });
  await click("Thêm chỉ tiêu");
  await click("Kiểm tra và đăng ký");
  // Parsing first: the second target has no name and no figure, the required texts are left to the check.
  expect(workbook.registerTask).not.toHaveBeenCalled();
  expect(screen.getAllByRole("alert")[0].textContent).toMatch(/^Mỗi chỉ tiêu cần năm, tên và kế hoạch/);
  await click("Bỏ chỉ tiêu 2");
  fillValidTask();
  type(/^Đến năm/, "2026");
  await click("Kiểm tra và đăng ký");
  expect(workbook.registerTask).toHaveBeenCalledTimes(1);
  const lastYear = input(/^Đến năm/);
  expect(lastYear.getAttribute("aria-invalid")).toBe("true");
  expect(document.getElementById(lastYear.getAttribute("aria-describedby")?.split(" ")[0] ?? "")?.textContent).toBe("Lộ trình chưa có chỉ tiêu cho năm 2026: năm này xếp loại Không hoàn thành.");
  expect(screen.getByText(/^Chưa ghi vào sổ/).closest("[role=alert]")?.textContent).toContain("Từ năm: Nguyễn Văn A đăng ký 3 việc mới");
  expect(workbook.readTaskRegister).toHaveBeenCalledTimes(1);
});

it("adds a target for the next year of the span not yet covered", async () => {
  await renderPane("tasks");
  type(/^Đến năm/, "2027");
  await click("Thêm chỉ tiêu");
  await click("Thêm chỉ tiêu");
  expect(screen.getAllByLabelText(/^Năm$/).map((e) => (e as HTMLInputElement).value)).toEqual(["2025", "2026", "2027"]);
});

describe("in a 2025 workbook opened on 7 December 2026", () => {
  // Only the clock is fake: the views' promises and timers run as usual.
  beforeEach(() => jest.useFakeTimers({ now: new Date(2026, 11, 7, 9), doNotFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "queueMicrotask", "nextTick"] }));
  afterEach(() => jest.useRealTimers());

  it("creates the register followed up for 2025 as of its last day, not for 2026 as of today", async () => {
    const workbook = createFakeWorkbook();
    workbook.readTaskRegister.mockResolvedValueOnce({ exists: false, followUp: null, tasks: [], problems: [] });
    await renderPane("tasks", { workbook });
    await click("Tạo sổ việc đột phá");
    expect(workbook.createTaskRegister).toHaveBeenCalledWith({ asOf: "2025-12-31", year: 2025 });
  });

  it("offers 2025 and 31/12/2025 when the register's follow-up cells are empty", async () => {
    const workbook = createFakeWorkbook();
    workbook.readTaskRegister.mockResolvedValueOnce({ ...REGISTER_REPORT, followUp: null, tasks: [] });
    await renderPane("tasks", { workbook });
    expect(input(/^Năm xếp loại/).value).toBe("2025");
    expect(input(/^Ngày theo dõi/).value).toBe("2025-12-31");
  });
});

it("lists every error beside the button, the form's own and the workbook's, each with its field", async () => {
  const workbook = createFakeWorkbook();
  workbook.registerTask.mockResolvedValueOnce({
    ok: false,
    problems: [
      { field: "code", message: entryMsg.duplicate.of("DP-01", "A6") },
      { field: "register", message: entryMsg.noRegister.of() },
    ],
  });
  await renderPane("tasks", { workbook });
  await click("Thêm mốc");
  type(/^Đến năm/, "20x7");
  await click("Kiểm tra và đăng ký");
  const errors = () => {
    const actions = screen.getByRole("button", { name: "Kiểm tra và đăng ký" }).parentElement as HTMLElement;
    return (actions.nextElementSibling as HTMLElement).textContent ?? "";
  };
  expect(errors()).toMatch(/^Chưa ghi vào sổ/);
  expect(errors()).toContain("Đến năm: ");
  expect(errors()).toContain("Mốc: ");
  await click("Bỏ mốc 1");
  type(/^Đến năm/, "2025");
  fillValidTask();
  await click("Kiểm tra và đăng ký");
  expect(errors()).toContain(`Mã việc: ${entryMsg.duplicate("DP-01", "A6")}`);
  expect(errors()).toContain(entryMsg.noRegister());
});
