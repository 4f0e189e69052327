/**
 * The printed documents of the breakthrough-task register as `chitieu print --sheet` produces them
 * through LibreOffice: the yearly results table ("In kết quả đột phá", tasks grouped by leader)
 * and one leader's registration form ("Phiếu đăng ký"), and the committee's term summary
 * (`chitieu tasks term -o`, "Tổng hợp nhiệm kỳ", docs/rules.md §8). The PDF is measured as for "Bản in": word
 * boxes give the printed font size (13 pt → 16.9 pt boxes), no two words' ink overlaps, A4 pages
 * numbered; the levels printed are the register's formulas, equal to the engine's for each task.
 * Page 1 of each is rendered for the guide (`npm run docs:images`).
 */
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { Level } from "../../src/domain";
import { evaluateTaskYear, type Task } from "../../src/domain/tasks";
import { TASK_LEVEL_NAMES } from "../../src/domain/messages/tasks";
import { termSummary } from "../../src/domain/term";
import { TASK_PRINT_SHEETS, TERM_SHEET } from "../../src/layout/tasks";
import { docsPicture } from "../support/pictures";
import { makeTempDir, outputDir, pdfPages, pdfPageTexts, pdfToPng, BOX_TOLERANCE, overlappingWords, pdfWords, wordSize, type PdfWord } from "../support/libreoffice";

jest.setTimeout(300_000);

const YEAR = 2025;
const AS_OF = "2025-11-15";

const target = (year: number, name: string, goal: number, actual?: number, direction = "increase") => ({ year, name, direction, target: goal, actual });

/** Three leaders, five tasks: each level, a provisional year, a task of the term, a dropped one. */
const TASKS: Task[] = [
  {
    code: "DP-01",
    leader: "Nguyễn Văn An",
    position: "Bí thư Huyện ủy",
    unit: "Huyện Tam Đảo",
    title: "Chuyển đổi số toàn diện trong giải quyết thủ tục hành chính cấp huyện",
    kind: "breakthrough",
    firstYear: 2024,
    lastYear: 2025,
    goal: "Đến hết năm 2025, 100 % thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình, người dân không phải đi lại.",
    targets: [target(2024, "Tỷ lệ thủ tục trực tuyến toàn trình", 60, 65), target(2025, "Tỷ lệ thủ tục trực tuyến toàn trình", 100, 100), target(2025, "Hồ sơ trễ hạn", 5, 2, "decrease")],
    milestones: [
      { what: "Ban hành kế hoạch chuyển đổi số", due: "2024-03-31", done: "2024-03-20" },
      { what: "Đưa Trung tâm điều hành thông minh vào hoạt động", due: "2025-06-30", done: "2025-06-15" },
    ],
  },
  {
    code: "DP-02",
    leader: "Nguyễn Văn An",
    position: "Bí thư Huyện ủy",
    unit: "Huyện Tam Đảo",
    title: "Phát triển du lịch sinh thái gắn với bảo tồn rừng quốc gia",
    kind: "innovation",
    firstYear: 2021,
    lastYear: 2025,
    goal: "Thu hút 1,5 triệu lượt khách mỗi năm vào năm cuối nhiệm kỳ.",
    targets: [
      target(2025, "Lượt khách (nghìn lượt)", 1500, 1600),
      target(2025, "Doanh thu du lịch (tỷ đồng)", 900, 950),
      target(2025, "Số sản phẩm du lịch mới", 10, 12),
      target(2025, "Số homestay đạt chuẩn", 20),
    ],
    milestones: [{ what: "Quy hoạch khu du lịch được phê duyệt", due: "2025-12-15", done: "2025-11-01" }],
  },
  {
    code: "DP-03",
    leader: "Trần Thị Bình",
    position: "Chủ tịch UBND huyện",
    unit: "Huyện Tam Đảo",
    title: "Giải phóng mặt bằng các dự án trọng điểm",
    kind: "breakthrough",
    firstYear: 2025,
    lastYear: 2025,
    goal: "Bàn giao đủ mặt bằng cho 5 dự án trọng điểm đúng tiến độ.",
    targets: [target(2025, "Số dự án bàn giao mặt bằng", 5, 5)],
    milestones: [{ what: "Bàn giao dự án đầu tiên", due: "2025-09-30", done: "2025-10-15" }],
  },
  {
    code: "DP-04",
    leader: "Trần Thị Bình",
    position: "Chủ tịch UBND huyện",
    unit: "Huyện Tam Đảo",
    title: "Xây dựng nông thôn mới nâng cao",
    kind: "innovation",
    firstYear: 2025,
    lastYear: 2026,
    state: "dropped",
    dropApproved: false,
    goal: "Thêm 3 xã đạt chuẩn nông thôn mới nâng cao.",
    targets: [target(2025, "Số xã đạt chuẩn", 1, 0)],
    milestones: [],
  },
  {
    code: "DP-05",
    leader: "Lê Văn Cường",
    position: "Trưởng Ban Tuyên giáo",
    unit: "Huyện ủy Tam Đảo",
    title: "Đổi mới sinh hoạt chi bộ",
    kind: "innovation",
    firstYear: 2025,
    lastYear: 2025,
    goal: "100 % chi bộ sinh hoạt chuyên đề theo hướng dẫn mới.",
    targets: [target(2025, "Tỷ lệ chi bộ sinh hoạt chuyên đề", 100, 110), target(2025, "Số chuyên đề mẫu", 4, 5)],
    milestones: [{ what: "Ban hành hướng dẫn", due: "2025-02-28", done: "2025-02-20" }],
  },
];

const HEADER = [
  "--superior-body", "ĐẢNG BỘ TỈNH PHÚ THỌ",
  "--issuing-body", "HUYỆN ỦY TAM ĐẢO",
  "--place-date", "Tam Đảo, ngày 20 tháng 12 năm 2025",
  "--signer-title", "T/M BAN THƯỜNG VỤ",
  "--signer-position", "BÍ THƯ",
  "--signer-name", "Nguyễn Văn An",
];

const dir = makeTempDir("chitieu-task-print-");
type Printed = "results" | "form" | "term";
const printed = {} as Record<Printed, { pdf: string; words: PdfWord[]; pages: string[] }>;

beforeAll(async () => {
  const data = join(dir, "tasks.json");
  writeFileSync(data, JSON.stringify({ tasks: TASKS }));
  const xlsx = join(dir, "so-dot-pha.xlsx");
  const wrote = await run(["workbook", "--unit", "Huyện Tam Đảo", "--year", String(YEAR), ...HEADER, "--tasks", data, "--as-of", AS_OF, "--leader", "Nguyễn Văn An", "-o", xlsx]);
  expect(wrote.exitCode).toBe(0);
  const term = join(dir, "nhiem-ky.xlsx");
  const termRun = await run(["tasks", "term", xlsx, "--from", "2021", "--to", "2025", "--as-of", AS_OF, ...HEADER, "-o", term]);
  // The register's gaps are named (DP-02 has targets for 2025 only, the dropped DP-04 no date), and the summary is still written.
  expect(termRun.exitCode).toBe(1);
  expect(JSON.parse(termRun.stdout).problems.map((p: { code: string; id: string; params: unknown[] }) => [p.code, p.id, ...p.params])).toEqual([
    ...[2021, 2022, 2023, 2024].map((y) => ["DP-02", "task.yearUncovered", y]),
    ["DP-04", "task.noDropDate"],
    ["DP-04", "task.yearUncovered", 2026],
  ]);
  const sources: Record<Printed, [file: string, sheet: string]> = { results: [xlsx, TASK_PRINT_SHEETS.results], form: [xlsx, TASK_PRINT_SHEETS.form], term: [term, TERM_SHEET] };
  for (const key of ["results", "form", "term"] as const) {
    const pdf = join(outputDir("task-print"), `${key}.pdf`);
    const [file, sheet] = sources[key];
    expect(await run(["print", file, "--sheet", sheet, "-o", pdf])).toEqual({ stdout: "", exitCode: 0 });
    printed[key] = { pdf, words: pdfWords(pdf), pages: pdfPageTexts(pdf) };
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ["results", { width: 841.89, height: 595.28 }],
  ["form", { width: 595.28, height: 841.89 }],
  ["term", { width: 841.89, height: 595.28 }],
] as const)("%s document", (key, paper) => {
  test("A4 pages numbered 'Trang i / n', only this sheet printed", () => {
    const { count, sizes } = pdfPages(printed[key].pdf);
    sizes.forEach((s) => {
      expect(s.width).toBeCloseTo(paper.width, 0);
      expect(s.height).toBeCloseTo(paper.height, 0);
    });
    printed[key].pages.forEach((text, i) => expect(text).toContain(`Trang ${i + 1} / ${count}`));
    // Neither the register's internal columns nor the unit sheet.
    const all = printed[key].pages.join("\n");
    for (const hidden of ["Mốc xong đúng hạn", "Chỉ tiêu đạt và vượt", "Tổng số mốc", "Trọng số"]) expect(all).not.toContain(hidden);
  });

  test("body text 13 pt on paper (boxes about 16.9 pt), nothing smaller", () => {
    const { words } = printed[key];
    expect(words.filter((w) => wordSize(w) < 13 - BOX_TOLERANCE).map((w) => `${w.text} ${wordSize(w).toFixed(2)} pt`)).toEqual([]);
    const body = words.filter((w) => Math.abs(wordSize(w) - 13) < 0.2);
    expect(body.length).toBeGreaterThan(40);
    body.forEach((w) => expect(w.yMax - w.yMin).toBeCloseTo(16.9, 0));
  });

  test("no two words' ink overlaps", () => {
    expect(overlappingWords(printed[key].words)).toEqual([]);
  });

  test("the official header block", () => {
    const all = printed[key].pages.join("\n");
    for (const text of ["ĐẢNG BỘ TỈNH PHÚ THỌ", "HUYỆN ỦY TAM ĐẢO", "ĐẢNG CỘNG SẢN VIỆT NAM", "Tam Đảo, ngày 20 tháng 12 năm 2025"]) expect(all).toContain(text);
  });
});

describe("what the documents say", () => {
  const flat = (key: Printed) => printed[key].pages.join("\n").replace(/\s+/g, " ");

  test("the results table: tasks grouped by leader, each with the register's level, equal to the engine's", () => {
    const text = flat("results");
    expect(text).toContain(`KẾT QUẢ THỰC HIỆN VIỆC ĐỘT PHÁ, ĐỔI MỚI NĂM ${YEAR}`);
    expect(text).toContain("(Theo dõi đến ngày 15/11/2025)");
    const leaders = ["Nguyễn Văn An, Bí thư Huyện ủy, Huyện Tam Đảo", "Trần Thị Bình, Chủ tịch UBND huyện", "Lê Văn Cường, Trưởng Ban Tuyên giáo"];
    const at = leaders.map((l) => text.indexOf(l));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const levels = TASKS.map((t) => evaluateTaskYear(t, YEAR, AS_OF));
    // Several different levels: the printed words follow each task's own figures.
    expect(new Set(levels.map((r) => r.level)).size).toBe(4);
    // Each level's words are printed once per year level and once per final level the engine gives.
    const squeezed = text.replace(/\s+/g, "");
    const printedCount = (level: Level) => squeezed.split(TASK_LEVEL_NAMES[level].split(" ").slice(0, 3).join("")).length - 1;
    const expected = (level: Level) => levels.filter((r) => r.level === level).length + levels.filter((r) => r.finalLevel === level).length;
    for (const level of ["excellent", "good", "complete", "incomplete"] as const) expect([level, printedCount(level)]).toEqual([level, expected(level)]);
    // A leader's heading never ends a page: it prints with their first task.
    expect(printed.results.pages.find((page) => page.includes("Lê Văn Cường"))).toContain("Đổi mới sinh hoạt chi bộ");
    expect(text).toContain("Tạm tính");
    expect(text).toMatch(/Dừng/);
    expect(text).toMatch(/\d+\/\d+ chỉ tiêu đạt, vượt/);
    for (const signature of ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]) expect(text).toContain(signature);
  });

  test("the registration form: one leader's tasks, goals, targets per year with Vietnamese numbers, milestones and due dates, signature", () => {
    const text = flat("form");
    expect(text).toContain("PHIẾU ĐĂNG KÝ VIỆC ĐỘT PHÁ, ĐỔI MỚI");
    expect(text).toContain("Họ và tên: Nguyễn Văn An");
    expect(text).toContain("Chức vụ: Bí thư Huyện ủy");
    expect(text).toContain("1. Chuyển đổi số toàn diện");
    expect(text).toContain("2. Phát triển du lịch sinh thái");
    expect(text).toContain("thời gian thực hiện: 2021–2025");
    expect(text).toContain("Mục tiêu chung: Đến hết năm 2025, 100 % thủ tục");
    expect(text).toMatch(/2025 Lượt khách \(nghìn lượt\) 1\.500/);
    expect(text).toMatch(/2024 Mốc: Ban hành kế hoạch chuyển đổi số 31\/03\/2024/);
    expect(text).toContain("NGƯỜI ĐĂNG KÝ");
    // The signature block is never split from the name under it.
    expect(printed.form.pages[printed.form.pages.length - 1]).toMatch(/NGƯỜI ĐĂNG KÝ[\s\S]*Nguyễn Văn An/);
    // Only this leader's tasks.
    expect(text).not.toContain("Giải phóng mặt bằng");
  });

  test("the term summary: per leader every task with its years, the leaders with no task in a year, signed", () => {
    const text = flat("term");
    expect(text).toContain("TỔNG HỢP KẾT QUẢ THỰC HIỆN VIỆC ĐỘT PHÁ, ĐỔI MỚI NHIỆM KỲ 2021–2025");
    expect(text).toContain("(Theo dõi đến ngày 15/11/2025)");
    const summary = termSummary(TASKS, 2021, 2025, AS_OF);
    const leaders = summary.leaders.map((l, n) => `${n + 1}. Đồng chí ${l.leader} (${l.tasks.length} việc)`);
    const at = leaders.map((l) => text.indexOf(l));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const leader of summary.leaders) for (const task of leader.tasks) expect(text).toContain(task.title.split(" ").slice(0, 4).join(" "));
    // Nobody but Nguyễn Văn An had a task before 2024: named year by year, as the engine lists them.
    for (const year of [2021, 2022, 2023]) {
      const idle = summary.leaders.filter((l) => l.yearsWithoutTask.includes(year)).map((l) => l.leader);
      expect(idle.length).toBeGreaterThan(0);
      expect(text).toContain(`Năm ${year}, đồng chí chưa có việc đột phá, đổi mới: ${idle.join(", ")}.`);
    }
    for (const signature of ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An"]) expect(text).toContain(signature);
    // A leader's heading never ends a page: the last line above each page's number is not one.
    const lastLines = printed.term.pages.map((page) => page.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/^Trang \d+ \/ \d+$/.test(l)).at(-1));
    expect(printed.term.pages.length).toBeGreaterThan(1);
    expect(lastLines.filter((l) => /Đồng chí .*\(\d+ việc\)$/.test(l ?? ""))).toEqual([]);
  });

  test("page 1 of each is rendered for the documentation", () => {
    for (const [key, name] of [["results", "09-ket-qua-dot-pha"], ["form", "09-phieu-dang-ky"], ["term", "17-tong-hop-nhiem-ky"]] as const) {
      const png = pdfToPng(printed[key].pdf, 1, join(outputDir("task-print"), `${name}-page-1`), 80);
      copyFileSync(png, docsPicture(`${name}.png`));
    }
  });
});
