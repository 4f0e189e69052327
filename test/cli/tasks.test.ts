import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { UsageError } from "../../src/cli/io";

const dir = mkdtempSync(join(tmpdir(), "chitieu-tasks-"));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

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
        { code: "DM-02", field: "goal", message: "Chưa có mục tiêu chung." },
        { code: "DM-02", field: "targets", message: "Lộ trình chưa có chỉ tiêu cho năm 2026." },
      ]),
    );
  });

  test("a table, and usage errors for a bad date or shape", async () => {
    const done = structuredClone(REGISTER);
    done.tasks[0].milestones[1] = { what: "Vận hành", due: "2025-12-01", done: "2025-12-10" };
    const table = await run(["tasks", "evaluate", file("t.json", done), "--year", "2025", "--as-of", "2026-01-10", "--format", "table"]);
    // Late but within the year: good; every target met and exceeded is not enough for excellent.
    expect(table.stdout).toContain("DP-01: Hoàn thành tốt việc đột phá, đổi mới; cả giai đoạn: Hoàn thành tốt việc đột phá, đổi mới\n");
    await expect(run(["tasks", "evaluate", file("u.json", REGISTER), "--year", "2025", "--as-of", "10/01/2026"])).rejects.toThrow(UsageError);
    await expect(run(["tasks", "evaluate", file("v.json", { tasks: [{}] }), "--year", "2025", "--as-of", "2026-01-10"])).rejects.toThrow("tasks[0].code");
  });
});
