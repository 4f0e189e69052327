import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documentFiles } from "../support/tempDirs";
import { run } from "../../src/cli/main";
import ExcelJS from "exceljs";
import { taskRuleCellAddress } from "../../src/layout/unit";

const dir = mkdtempSync(join(tmpdir(), "chitieu-tasks-"));
const file = documentFiles(dir);

const REGISTER = {
  tasks: [
    {
      code: "DP-01", leader: "Nguyễn Văn A", title: "Chuyển đổi số", kind: "breakthrough", firstYear: 2025, lastYear: 2025, goal: "Xã số",
      targets: [{ year: 2025, name: "Thủ tục trực tuyến", direction: "increase", target: 50, actual: 65 }],
      milestones: [{ what: "Đề án", due: "2025-03-31", done: "2025-03-01" }, { what: "Vận hành", due: "2025-12-01" }],
    },
    {
      code: "DM-02", leader: "Trần Thị B", title: "Một cửa", kind: "innovation", firstYear: 2025, lastYear: 2026, goal: "",
      targets: [{ year: 2025, name: "Hồ sơ đúng hạn", direction: "increase", target: 95 }],
      milestones: [],
    },
  ],
};

describe("chitieu tasks evaluate", () => {
  test("levels for the year, milestone states as of the date, and registration problems (exit 1)", async () => {
    const result = await run(["tasks", "evaluate", file("r.json", REGISTER), "--year", "2025", "--as-of", "2025-11-15"]);
    expect(result.exitCode).toBe(1);
    const out = JSON.parse(result.stdout);
    // A milestone not yet done counts as not done (the floor): 1 of 2 is below 70 %, provisional until the year ends.
    expect(out.tasks[0]).toMatchObject({ code: "DP-01", level: "incomplete", finalLevel: "incomplete", provisional: true, milestones: { onTime: 1, dueSoon: 1 } });
    expect(out.tasks[1]).toMatchObject({ code: "DM-02", level: "incomplete", finalLevel: null, provisional: true });
    expect(out.problems).toEqual(
      expect.arrayContaining([
        { code: "DM-02", field: "goal", message: "Chưa có mục tiêu chung.", id: "task.noGoal", params: [] },
        {
          code: "DM-02",
          field: "targets",
          message: "Lộ trình chưa có chỉ tiêu cho năm 2026: năm này xếp loại Không hoàn thành.",
          id: "task.yearUncovered",
          params: [2026],
        },
      ]),
    );
  });

  test("the register's leaders with no task in the year are listed (JSON and table)", async () => {
    const later = { tasks: [...REGISTER.tasks, { ...REGISTER.tasks[0], code: "DP-03", leader: "Lê Văn C", firstYear: 2026, lastYear: 2026, targets: [{ ...REGISTER.tasks[0].targets[0], year: 2026 }], milestones: [] }] };
    const args = ["tasks", "evaluate", file("idle.json", later), "--year", "2025", "--as-of", "2025-11-15"];
    expect(JSON.parse((await run(args)).stdout).leadersWithoutTask).toEqual(["Lê Văn C"]);
    expect((await run([...args, "--format", "table"])).stdout).toContain("Chưa có việc đột phá, đổi mới năm 2025: Lê Văn C");
  });

  test("a table, and usage errors for a bad date or shape", async () => {
    const done = structuredClone(REGISTER);
    done.tasks[0].milestones[1] = { what: "Vận hành", due: "2025-12-01", done: "2025-12-10" };
    const table = await run(["tasks", "evaluate", file("t.json", done), "--year", "2025", "--as-of", "2026-01-10", "--format", "table"]);
    // Late but within the year: good; every target met and exceeded is not enough for excellent.
    expect(table.stdout).toContain("DP-01 (Nguyễn Văn A: Chuyển đổi số): Hoàn thành tốt việc đột phá, đổi mới; cả giai đoạn: Hoàn thành tốt việc đột phá, đổi mới\n");
    // A running year: the floor, and the ceiling still reachable beside it (issue 15 §4).
    const running = await run(["tasks", "evaluate", file("r.json", REGISTER), "--year", "2025", "--as-of", "2025-11-15", "--format", "table"]);
    expect(running.stdout).toContain("DP-01 (Nguyễn Văn A: Chuyển đổi số): Không hoàn thành việc đột phá, đổi mới (tạm tính), có thể đạt tối đa: Hoàn thành xuất sắc việc đột phá, đổi mới;");
    // A day written DD/MM/YYYY is read; a day that does not exist is refused.
    const vn = await run(["tasks", "evaluate", file("u.json", done), "--year", "2025", "--as-of", "10/01/2026", "--format", "table"]);
    expect(vn.stdout).toBe(table.stdout);
    await expect(run(["tasks", "evaluate", file("u.json", REGISTER), "--year", "2025", "--as-of", "2025-09-31"])).rejects.toThrow("không phải một ngày có thật");
    await expect(run(["tasks", "evaluate", file("v.json", { tasks: [{}] }), "--year", "2025", "--as-of", "2026-01-10"])).rejects.toThrow("tasks[0].code");
  });
});

/** A unit workbook with REGISTER written by the CLI (with `extra` arguments), then edited as a person would. */
async function registerWorkbook(name: string, extra: readonly string[], edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const path = join(dir, name);
  const written = await run(["workbook", "--unit", "Xã A", ...extra, "--year", "2025", "--tasks", file(`${name}.json`, REGISTER), "--as-of", "2025-11-15", "-o", path]);
  expect(written.exitCode).toBe(0);
  if (edit) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    edit(wb);
    await wb.xlsx.writeFile(path);
  }
  return path;
}

describe("chitieu tasks evaluate FILE.xlsx", () => {
  const workbook = (name: string, edit?: (wb: ExcelJS.Workbook) => void) => registerWorkbook(name, [], edit);

  test("a register written by chitieu workbook evaluates as its JSON document does", async () => {
    const args = ["--year", "2025", "--as-of", "2025-11-15"];
    const fromJson = JSON.parse((await run(["tasks", "evaluate", file("same.json", REGISTER), ...args])).stdout);
    const result = await run(["tasks", "evaluate", await workbook("same.xlsx"), ...args]);
    const fromXlsx = JSON.parse(result.stdout);
    expect(result.exitCode).toBe(1);
    expect(fromXlsx.tasks).toEqual(fromJson.tasks);
    // The engine's problems name the cell of the field at fault.
    expect(fromXlsx.problems.map((p: { message: string }) => p.message)).toEqual(
      expect.arrayContaining(['Trang "Việc đột phá", ô I7: Chưa có mục tiêu chung.', 'Trang "Việc đột phá", ô A7: Lộ trình chưa có chỉ tiêu cho năm 2026: năm này xếp loại Không hoàn thành.']),
    );
  });

  test("the optional cap rule, typed on the rules sheet, lists each leader with an incomplete task (JSON and table)", async () => {
    const plain = JSON.parse((await run(["tasks", "evaluate", await workbook("nocap.xlsx"), "--year", "2025", "--as-of", "2025-11-15"])).stdout);
    expect(plain.caps).toBeUndefined();
    const path = await workbook("cap.xlsx", (wb) => {
      wb.getWorksheet("Quy tắc")!.getCell(taskRuleCellAddress("failedTaskCap")).value = "Hoàn thành nhiệm vụ";
    });
    const args = ["tasks", "evaluate", path, "--year", "2025", "--as-of", "2025-11-15"];
    const out = JSON.parse((await run(args)).stdout);
    expect(out.tasks.map((t: { level: string }) => t.level)).toEqual(["incomplete", "incomplete"]);
    expect(out.caps).toEqual([
      { leader: "Nguyễn Văn A", cap: "complete", failed: ["DP-01"] },
      { leader: "Trần Thị B", cap: "complete", failed: ["DM-02"] },
    ]);
    expect((await run([...args, "--format", "table"])).stdout).toContain("Mức trần: Nguyễn Văn A xếp loại không cao hơn Hoàn thành nhiệm vụ (việc không hoàn thành: DP-01)");
  });

  test("checks cover the whole roadmap whatever --year: a 2026 figure in error is named at its roadmap cell when 2025 is evaluated", async () => {
    const later = { tasks: [REGISTER.tasks[0], { ...REGISTER.tasks[1], targets: [...REGISTER.tasks[1].targets, { year: 2026, name: "Hồ sơ trực tuyến", direction: "increase", target: 0 }] }] };
    const fromJson = JSON.parse((await run(["tasks", "evaluate", file("later.json", later), "--year", "2025", "--as-of", "2025-11-15"])).stdout);
    expect(fromJson.problems).toContainEqual(
      expect.objectContaining({ code: "DM-02", field: "targets.1", message: expect.stringContaining('Chỉ tiêu "Hồ sơ trực tuyến": Kế hoạch 0 không hợp lệ'), id: "task.targetError" }),
    );
    expect(fromJson.problems.filter((p: { code: string }) => p.code === "DM-02")).not.toContainEqual(expect.objectContaining({ message: expect.stringContaining("năm 2026") }));
    const path = await workbook("later.xlsx", (wb) => {
      const roadmap = wb.getWorksheet("Lộ trình")!;
      for (const [column, v] of Object.entries({ A: "DM-02", B: 2026, C: "Chỉ tiêu", D: "Hồ sơ trực tuyến", F: "Tăng", G: 0 })) roadmap.getCell(`${column}9`).value = v;
    });
    const fromXlsx = JSON.parse((await run(["tasks", "evaluate", path, "--year", "2025", "--as-of", "2025-11-15"])).stdout);
    expect(fromXlsx.problems.map((p: { message: string }) => p.message)).toContainEqual(expect.stringMatching(/^Trang "Lộ trình", ô G9: Chỉ tiêu "Hồ sơ trực tuyến": Kế hoạch 0/));
  });

  test("the plan's fields travel from the JSON document through the workbook and back; a bad approval date is named at its cell", async () => {
    const plan = {
      solutions: "Tập huấn; thuê hạ tầng",
      focalBody: "Ban Tổ chức",
      focalPerson: "Phạm D",
      approval: { body: "Ban Thường vụ", number: "12-QĐ/TU", date: "15/01/2025" },
    };
    const planned = { tasks: [{ ...REGISTER.tasks[0], ...plan, targets: [{ ...REGISTER.tasks[0].targets[0], unit: "%" }] }] };
    const path = join(dir, "plan.xlsx");
    expect((await run(["workbook", "--unit", "Xã A", "--year", "2025", "--tasks", file("plan.json", planned), "--as-of", "2025-11-15", "-o", path])).exitCode).toBe(0);
    const { readTaskRegisterFile } = await import("../../src/xlsx/readTaskRegister");
    const { readFileSync } = await import("node:fs");
    const back = await readTaskRegisterFile(readFileSync(path));
    expect(back.tasks[0]).toMatchObject({ ...plan, approval: { ...plan.approval, date: "2025-01-15" } });
    expect(back.tasks[0].targets[0].unit).toBe("%");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet("Việc đột phá")!.getCell("AJ6").value = "ngày 15";
    await wb.xlsx.writeFile(path);
    const out = JSON.parse((await run(["tasks", "evaluate", path, "--year", "2025", "--as-of", "2025-11-15"])).stdout);
    expect(out.problems).toContainEqual({
      code: "DP-01",
      field: "approvalDate",
      message: 'Trang "Việc đột phá", ô AJ6: Ngày phê duyệt ngày 15 không đọc được (cần một ngày có thật, ví dụ 30/09/2025).',
      id: "task.badApprovalDate",
      params: ["ngày 15"],
    });
    const refused = await run(["tasks", "evaluate", file("badplan.json", { tasks: [{ ...planned.tasks[0], approval: { date: "30/02/2025" } }] }), "--year", "2025", "--as-of", "2025-11-15"]).catch((e: Error) => e);
    expect(String(refused)).toContain("tasks[0].approval.date");
  });

  test("bad cells are reported by their cell, in Vietnamese", async () => {
    const path = await workbook("bad.xlsx", (wb) => {
      const tasks = wb.getWorksheet("Việc đột phá")!;
      const roadmap = wb.getWorksheet("Lộ trình")!;
      tasks.getCell("A8").value = "DP-01"; // a duplicate code
      tasks.getCell("B8").value = "C";
      tasks.getCell("F7").value = "Sáng kiến"; // an unknown kind
      roadmap.getCell("H5").value = "2.100"; // a number typed as text
      roadmap.getCell("L7").value = "15/12/2025"; // a date typed as text
      roadmap.getCell("A9").value = "DP-09"; // a task that is not in the register
      roadmap.getCell("C9").value = "Mốc";
    });
    const out = JSON.parse((await run(["tasks", "evaluate", path, "--year", "2025", "--as-of", "2025-11-15"])).stdout);
    const where = out.problems.map((p: { field: string }) => p.field);
    expect(where).toEqual(expect.arrayContaining(["Việc đột phá!A8", "Việc đột phá!F7", "Lộ trình!H5", "Lộ trình!L7", "Lộ trình!A9"]));
    expect(out.problems.find((p: { field: string }) => p.field === "Lộ trình!H5")).toMatchObject({ code: "DP-01", message: expect.stringContaining("2.100") });
    expect(out.problems.find((p: { field: string }) => p.field === "Lộ trình!A9").message).toBe('Trang "Lộ trình", ô A9: Mã việc DP-09 không có ở trang "Việc đột phá".');
    // A date typed as text is read (and named, since the sheet cannot compute with it): done 15/12, after the follow-up date, so still due soon.
    expect(out.problems.find((p: { field: string }) => p.field === "Lộ trình!L7").message).toContain("dạng chữ");
    expect(out.tasks[0].milestones).toEqual({ onTime: 1, late: 0, overdue: 0, dueSoon: 1, open: 0 });
  });
});

describe("chitieu workbook --task-register", () => {
  test("an empty register beside the unit sheet, with the follow-up date given; a bad date is a usage error", async () => {
    const path = join(dir, "empty.xlsx");
    expect((await run(["workbook", "--unit", "Xã A", "--year", "2025", "--task-register", "--as-of", "2025-06-30", "-o", path])).exitCode).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(expect.arrayContaining(["Chỉ tiêu", "Việc đột phá", "Lộ trình"]));
    expect(wb.getWorksheet("Việc đột phá")?.getCell("B2").value).toEqual(new Date("2025-06-30T00:00:00Z"));
    const out = JSON.parse((await run(["tasks", "evaluate", path, "--year", "2025", "--as-of", "2025-06-30"])).stdout);
    expect(out).toEqual({ tasks: [], leadersWithoutTask: [], problems: [] });
    await expect(run(["workbook", "--unit", "Xã A", "--year", "2025", "--task-register", "--as-of", "2025-02-30", "-o", path])).rejects.toThrow("--as-of");
  });
});

describe("chitieu workbook --tasks: the printed documents", () => {
  test("the results table and the registration form of the leader named by --leader (the first task's by default)", async () => {
    const sheetsOf = async (extra: string[]) => {
      const path = join(dir, `print-${extra.length}.xlsx`);
      expect((await run(["workbook", "--unit", "Xã A", "--year", "2025", "--tasks", file("p.json", REGISTER), "--as-of", "2025-11-15", ...extra, "-o", path])).exitCode).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const form = wb.getWorksheet("Phiếu đăng ký")!;
      const formulas = form.getSheetValues().flat().flatMap((v) => (v && typeof v === "object" && "formula" in v ? [String(v.formula)] : []));
      return { names: wb.worksheets.map((ws) => ws.name), formulas };
    };
    const first = await sheetsOf([]);
    expect(first.names).toEqual(expect.arrayContaining(["In kết quả đột phá", "Phiếu đăng ký"]));
    expect(first.formulas.some((f) => f.includes('"DP-01"'))).toBe(true);
    expect(first.formulas.some((f) => f.includes('"DM-02"'))).toBe(false);
    const second = await sheetsOf(["--leader", "Trần Thị B"]);
    expect(second.formulas.some((f) => f.includes('"DM-02"'))).toBe(true);
    expect(second.formulas.some((f) => f.includes('"DP-01"'))).toBe(false);
    await expect(run(["workbook", "--unit", "Xã A", "--year", "2025", "--tasks", file("q.json", REGISTER), "--leader", "Ai đó", "-o", join(dir, "x.xlsx")])).rejects.toThrow(
      '--leader "Ai đó": không có việc nào của người này',
    );
    await expect(run(["workbook", "--unit", "Xã A", "--year", "2025", "--task-register", "--leader", "Ai đó", "-o", join(dir, "x.xlsx")])).rejects.toThrow("--leader chỉ dùng cùng --tasks");
  });
});

describe("chitieu read of a unit workbook that holds the register", () => {
  test("reports the leader's tasks of the year and, with the rule on, the cap (JSON and table); exit code as before", async () => {
    const write = (name: string, edit?: (wb: ExcelJS.Workbook) => void) => registerWorkbook(name, ["--head", " nguyễn văn a"], edit);
    const plainFile = join(dir, "plain-unit.xlsx");
    expect((await run(["workbook", "--unit", "Xã A", "--year", "2025", "-o", plainFile])).exitCode).toBe(0);
    const plain = await run(["read", plainFile]);
    expect(JSON.parse(plain.stdout).leaderTasks).toBeUndefined();

    const off = await run(["read", await write("leader-off.xlsx")]);
    expect(off.exitCode).toBe(plain.exitCode);
    expect(JSON.parse(off.stdout).leaderTasks).toEqual({
      leader: "nguyễn văn a",
      year: 2025,
      asOf: "2025-11-15",
      onUnitSheet: true,
      tasks: [{ code: "DP-01", title: "Chuyển đổi số", level: "incomplete", finalLevel: "incomplete", provisional: true }],
      levels: { excellent: 0, good: 0, complete: 0, incomplete: 1 },
      cap: null,
      failed: ["DP-01"],
    });
    const capped = await write("leader-on.xlsx", (wb) => {
      wb.getWorksheet("Quy tắc")!.getCell(taskRuleCellAddress("failedTaskCap")).value = "Hoàn thành nhiệm vụ";
    });
    expect(JSON.parse((await run(["read", capped])).stdout).leaderTasks).toMatchObject({ cap: "complete", failed: ["DP-01"] });
    const table = (await run(["read", capped, "--format", "table"])).stdout;
    expect(table).toContain("Việc đột phá, đổi mới năm 2025 của người đứng đầu nguyễn văn a: 1 việc\n");
    expect(table).toContain("  DP-01: Không hoàn thành việc đột phá, đổi mới (tạm tính); cả giai đoạn: Không hoàn thành việc đột phá, đổi mới\n");
    expect(table).toContain("Mức trần: xếp loại không cao hơn Hoàn thành nhiệm vụ (việc không hoàn thành: DP-01)");
  });
});

describe("chitieu tasks term", () => {
  const TERM = {
    tasks: [
      { code: "A1", leader: "Nguyễn A", title: "Xã số", kind: "breakthrough", firstYear: 2021, lastYear: 2022, goal: "g", targets: [2021, 2022].map((year) => ({ year, name: "a", direction: "increase", target: 10, actual: 12 })), milestones: [] },
      { code: "B1", leader: "Trần B", title: "Một cửa", kind: "innovation", firstYear: 2022, lastYear: 2023, goal: "g", targets: [2022, 2023].map((year) => ({ year, name: "a", direction: "increase", target: 10, actual: 5 })), milestones: [] },
    ],
  };

  test("per leader, every task's yearly and final levels, years without a task, incomplete two years running (JSON, table, xlsx)", async () => {
    const path = file("term.json", TERM);
    const out = JSON.parse((await run(["tasks", "term", path, "--from", "2021", "--to", "2023", "--json"])).stdout);
    expect(out).toMatchObject({ from: 2021, to: 2023, asOf: "2023-12-31", problems: [] });
    expect(out.leaders[0]).toMatchObject({ leader: "Nguyễn A", yearsWithoutTask: [2023], incompleteTwoYears: [], tasks: [{ code: "A1", finalLevel: "excellent", years: [{ year: 2021, level: "excellent" }, { year: 2022, level: "excellent" }] }] });
    expect(out.leaders[1]).toMatchObject({ leader: "Trần B", yearsWithoutTask: [2021], incompleteTwoYears: [2023], tasks: [{ code: "B1", finalLevel: "incomplete" }] });
    const table = (await run(["tasks", "term", path, "--format", "table"])).stdout;
    expect(table).toContain("Nhiệm kỳ 2021–2023");
    expect(table).toContain("Không hoàn thành hai năm liền: 2022–2023");
    const xlsx = join(dir, "term.xlsx");
    expect((await run(["tasks", "term", path, "--json", "-o", xlsx, "--issuing-body", "BAN THƯỜNG VỤ TỈNH ỦY"])).exitCode).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("Tổng hợp nhiệm kỳ")!;
    const texts = ws.getSheetValues().flat().filter((v): v is string => typeof v === "string");
    expect(texts).toEqual(expect.arrayContaining(["BAN THƯỜNG VỤ TỈNH ỦY", "ĐẢNG CỘNG SẢN VIỆT NAM", "TỔNG HỢP KẾT QUẢ THỰC HIỆN VIỆC ĐỘT PHÁ, ĐỔI MỚI NHIỆM KỲ 2021–2023", "Năm 2021, đồng chí chưa có việc đột phá, đổi mới: Trần B.", "Hoàn thành xuất sắc", "Không hoàn thành"]));
    // 13 pt at least everywhere, A4 landscape at 100 %.
    const sizes: number[] = [];
    ws.eachRow((r) => r.eachCell((c) => sizes.push(c.font?.size ?? 13)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(13);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", scale: 100 });
    await expect(run(["tasks", "term", path, "--from", "2021", "--to", "2027"])).rejects.toThrow("1 đến 5 năm");
  });
});
