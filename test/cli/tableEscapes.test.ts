import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documentFiles } from "../support/tempDirs";
import { run } from "../../src/cli/main";
import { visible } from "../../src/cli/table";

/** Issue 18 §9: `--format table` shows the control characters of codes and names escaped, never sends them to the terminal. */

const dir = mkdtempSync(join(tmpdir(), "chitieu-table-"));
const file = documentFiles(dir);
/** What a terminal would act on: escape, C1 controls, carriage return, bidi overrides. */
const ACTED_ON = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test("visible: each control character written as its escape, Vietnamese text untouched", () => {
  expect(visible("\u001b[2JXã Tam Đảo\r\u009b\u202Eabc\u2028")).toBe("\\x1B[2JXã Tam Đảo\\x0D\\x9B\\u202Eabc\\u2028");
});

test("evaluate --format table: a code that clears the screen is shown escaped, and the columns stay aligned", async () => {
  const doc = {
    indicators: [
      { code: "\u001b[2J\u001b[H1.1", direction: "increase", target: 100, actual: 90 },
      { code: "1.\u009b2", direction: "increase", target: 100, actual: 120 },
    ],
  };
  const { stdout } = await run(["evaluate", file("codes.json", doc), "--format", "table"]);
  expect(stdout).not.toMatch(ACTED_ON);
  const lines = stdout.split("\n");
  expect(lines[2]).toMatch(/^\\x1B\[2J\\x1B\[H1\.1 {2}90,00 %/);
  expect(lines[3]).toMatch(/^1\.\\x9B2 +120,00 %/);
  expect(lines[3].indexOf("120,00")).toBe(lines[2].indexOf("90,00"));
});

test("tasks evaluate --format table: codes, leaders and problems shown escaped", async () => {
  const doc = {
    tasks: [
      {
        code: "DP-01\u001b]0;bị chiếm\u0007", leader: "Nguyễn\u202E Văn A", title: "Chuyển đổi số", kind: "breakthrough", firstYear: 2025, lastYear: 2025, goal: "",
        targets: [{ year: 2025, name: "Thủ tục", direction: "increase", target: 50, actual: 65 }],
        milestones: [],
      },
    ],
  };
  const { stdout } = await run(["tasks", "evaluate", file("tasks.json", doc), "--year", "2025", "--as-of", "2025-06-30", "--format", "table"]);
  expect(stdout).not.toMatch(ACTED_ON);
  expect(stdout).toContain("DP-01\\x1B]0;bị chiếm\\x07 (Nguyễn\\u202E Văn A: ");
});
