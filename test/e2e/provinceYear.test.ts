/**
 * Giao chỉ tiêu and Theo dõi in the preview workbench, in Debian's Chromium, at a task pane's width
 * (issue 16 §1, §2): a province officer lays out the assignment sheet, types two districts' targets
 * in the grid, makes their files and downloads one (named as the CLI names it, read back by the
 * CLI's reader); a unit's officer records a quarter's figures and sees what is behind. The guide's
 * pictures go through docsPicture. Without Chromium the suite fails, it never silently skips.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_CATALOGUE } from "../../src/domain";
import { columnLetter } from "../../src/layout/addresses";
import { ASSIGNMENT_COLUMNS, ASSIGNMENT_ROWS } from "../../src/layout/province";
import { DEFAULT_LETTERS, unitSheetPositions } from "../../src/layout/unit";
import { NAMES, SHEETS } from "../../src/layout/schema";
import { readUnitWorkbook } from "../../src/xlsx/readWorkbook";
import { chromiumAvailable, CHROMIUM_PATH, INSTALL_HINT, isolateNetwork, launchChromium } from "../support/chromium";
import { startPreview, type PreviewServer } from "../support/previewServer";
import { docsPicture } from "../support/pictures";

const OUTPUT = path.resolve(__dirname, "..", "..", "test-output", "e2e-province");
const runnable = chromiumAvailable();

if (!runnable) {
  it("needs Chromium", () => {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: ${INSTALL_HINT}`);
  });
}

const targetOf = (direction: string) => (direction === "milestone" ? "Đạt" : direction === "decrease" ? "5" : "100");

(runnable ? describe : describe.skip)("assign and follow-up in the workbench", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    server = await startPreview(path.join(OUTPUT, "dist"));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await isolateNetwork(context, new URL(server.url).origin);
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pane = () => page.getByRole("complementary", { name: "Ngăn tác vụ Chỉ Tiêu" });
  const grid = () => page.getByRole("grid");
  const openView = (name: string) => pane().getByRole("tab", { name, exact: true }).click();

  async function typeDown(first: string, texts: readonly string[]) {
    await grid().locator(`[data-address="${first}"]`).click();
    for (const text of texts) {
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
    }
  }

  /** The pane is a task pane's width and nothing in it needs a horizontal scroll. */
  async function expectPaneWidth() {
    const box = await pane().boundingBox();
    expect(box?.width).toBeLessThanOrEqual(420);
    expect(await pane().evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  }

  it("lays out the assignment sheet, checks it and downloads each unit's file under the CLI's name", async () => {
    await page.goto(`${server.url}preview.html`);
    await openView("Giao chỉ tiêu");
    await pane().getByLabel("Năm giao chỉ tiêu").fill("2021");
    await pane().getByLabel("Nhóm và đơn vị, mỗi dòng một nhóm").fill("Huyện, thành phố: Tam Đảo; Sông Lô");
    await pane().getByRole("button", { name: "Tạo trang giao chỉ tiêu" }).click();
    await pane().getByText('Đã tạo trang tính "Giao chỉ tiêu 1".').waitFor();
    await page.getByRole("tab", { name: "Giao chỉ tiêu 1", exact: true }).click();
    const first = columnLetter(ASSIGNMENT_COLUMNS.length);
    const second = columnLetter(ASSIGNMENT_COLUMNS.length + 1);
    await grid().locator(`[data-address="${first}${ASSIGNMENT_ROWS.first}"]`).waitFor();
    const targets = DEFAULT_CATALOGUE.indicators.map((i) => targetOf(i.direction));
    await typeDown(`${first}${ASSIGNMENT_ROWS.first}`, targets);
    // Sông Lô is missing its last target: the check names that cell, nothing is made.
    await typeDown(`${second}${ASSIGNMENT_ROWS.first}`, targets.slice(0, -1));
    await pane().getByRole("button", { name: "Kiểm tra và lập tệp" }).click();
    await pane().getByText("Chưa lập tệp nào: còn 1 lỗi cần sửa.").waitFor();
    const missing = `${second}${ASSIGNMENT_ROWS.first + targets.length - 1}`;
    expect(await pane().textContent()).toContain(`Giao chỉ tiêu 1!${missing}`);

    await typeDown(missing, targets.slice(-1));
    await pane().getByRole("button", { name: "Kiểm tra và lập tệp" }).click();
    await pane().getByText("Đã lập 2 tệp. Tải về và gửi mỗi đơn vị tệp của mình.").waitFor();
    await expectPaneWidth();
    await page.screenshot({ path: docsPicture("13-giao-chi-tieu.png") });
    const [download] = await Promise.all([page.waitForEvent("download"), pane().getByRole("button", { name: "Tải Sông Lô.xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("Sông Lô.xlsx");
    const saved = path.join(OUTPUT, "Sông Lô.xlsx");
    await download.saveAs(saved);
    const read = await readUnitWorkbook(new Uint8Array(fs.readFileSync(saved)));
    expect([read.namedValue(NAMES.unitName), read.namedValue(NAMES.year), read.table?.rows.length]).toEqual(["Sông Lô", 2021, targets.length]);
  }, 300_000);

  it("records a quarter's figures in a unit workbook and flags what is behind", async () => {
    await page.goto(`${server.url}preview.html`);
    await pane().getByLabel("Tên đơn vị").fill("Huyện Tam Đảo");
    await pane().getByLabel("Người đứng đầu").fill("Nguyễn Văn A");
    await pane().getByLabel("Năm đánh giá").fill("2021");
    await pane().getByRole("button", { name: "Thiết lập bảng tính" }).click();
    await pane().getByRole("heading", { name: "Kết quả thiết lập" }).waitFor();
    await page.getByRole("tab", { name: SHEETS.unit, exact: true }).click();
    const row = unitSheetPositions(DEFAULT_CATALOGUE.indicators.length).firstRow;
    // 1.1, new members: 120 for the year, 50 by the end of June (60 due): behind.
    await typeDown(`${DEFAULT_LETTERS.target}${row}`, ["120"]);
    await typeDown(`${DEFAULT_LETTERS.actual}${row}`, ["50"]);
    await openView("Theo dõi");
    await pane().getByRole("button", { name: "Tạo trang Theo dõi" }).click();
    await pane().getByRole("button", { name: "Ghi số liệu" }).waitFor();
    await pane().getByLabel("Kỳ", { exact: true }).selectOption("q2");
    await pane().getByRole("button", { name: "Ghi số liệu" }).click();
    await pane().getByText("Đã ghi số liệu đến ngày 30/06/2021.").waitFor();
    const figures = pane().getByRole("list", { name: "Tiến độ từng chỉ tiêu" });
    const firstFigure = (await figures.getByRole("listitem").first().textContent()) ?? "";
    expect(firstFigure).toContain("Chậm");
    expect(firstFigure).toContain("1.1");
    expect(firstFigure).toContain("kế hoạch đến kỳ 60");
    await expectPaneWidth();
    await page.screenshot({ path: docsPicture("14-theo-doi.png") });
  }, 300_000);
});
