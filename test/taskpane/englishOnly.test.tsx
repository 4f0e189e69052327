/** @jest-environment jsdom */
// One language at a time: with English chosen, every view shows English, even with a problem or a
// reason of every kind in the message catalogue on screen. Vietnamese may appear only in the
// workbook's own data (unit, sheet and group names, the words its cells take) and in what is marked
// lang="vi" (the printed document's preview, the name of the language itself).
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { DIRECTION_NAMES, PRESETS, STATUS_NAMES, YES_NO } from "../../src/domain";
import { catalogueEntries, render as renderMessage, translate, type Message } from "../../src/domain/messages/localize";
import type { Problem } from "../../src/contract/workbook";
import { fill } from "../../src/i18n/fill";
import { strings } from "../../src/i18n/allStrings";
import { sheetMsg } from "../../src/domain/messages/sheet";
import { problem } from "../../src/layout/problems";
import { SHEETS } from "../../src/layout/schema";
import { evaluationNotice, printNotice } from "../../src/commands/notice";
import "../../src/layout"; // every section of the catalogue registers when its module loads
import "../../src/domain/tasks";
import "../../src/layout/tasks";
import "../../src/layout/tasks";
import "../../src/excel/taskRegister";
import "../../src/excel/consolidateFiles";
import "../../src/excel/provinceActions";
import "../../src/excel/followUpActions";
import "../../src/xlsx/unitSummary";
import { COMPARISON_SHEETS, PREVIOUS_YEAR_SHEET } from "../../src/layout/comparison";
import { TASK_KIND_NAMES } from "../../src/domain/tasks";
import { TASK_COLUMNS, TASK_SHEETS } from "../../src/layout/tasks";
import { ASSIGNMENT_COLUMNS, SCOPE_WORDS } from "../../src/layout/province";
import { FOLLOW_UP_SHEET } from "../../src/layout/unit";
import { ASSIGNMENT_REPORT, CONSOLIDATION_REPORT, createFakeWorkbook, FOLLOW_UP_REPORT, GOOD_REPORT, REGISTER_REPORT, SET_UP_STATUS } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";

afterEach(cleanup);

const VIEWS = ["setup", "assign", "followUp", "check", "evaluate", "rating", "print", "consolidate", "tasks", "settings"] as const;

const en = strings.en;

/** Letters only Vietnamese uses here: ă â đ ê ô ơ ư and the tone marks, in either case. */
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ\u0300-\u0303\u0309\u0323]/;

/** The workbook's own data and names kept in their language, each with why. */
const ALLOWED: readonly string[] = [
  // Data of the fake workbook: the unit, its head, sheet and group names.
  SET_UP_STATUS.unitName,
  SET_UP_STATUS.head,
  ...Object.values(SHEETS),
  ...Object.values(COMPARISON_SHEETS),
  PREVIOUS_YEAR_SHEET,
  ...Object.values(TASK_SHEETS),
  ...TASK_COLUMNS.map((c) => c.header),
  ...Object.values(TASK_KIND_NAMES),
  ...GOOD_REPORT.groups.map((g) => renderMessage(g.name, "vi")),
  // The task register's data: leaders, their positions and units, task titles, milestones.
  ...REGISTER_REPORT.tasks.flatMap((t) => [t.leader, t.title, t.position ?? "", t.unit ?? "", ...t.attention.map((a) => a.what)]).filter((d) => d !== ""),
  // The province's sheets: the follow-up sheet, the assignment table's headers and the words its cells take.
  FOLLOW_UP_SHEET,
  ...ASSIGNMENT_COLUMNS.map((c) => c.header),
  ...Object.values(SCOPE_WORDS),
  // A unit kind typed into an assignment sheet that is not one of the kinds (assignSheet.badKind's example).
  "tỉnh",
  // The province's units, groups and their files; the unit's indicators being followed up.
  ...ASSIGNMENT_REPORT.units.flatMap((u) => [u.unit, u.group, u.file]),
  ...FOLLOW_UP_REPORT.snapshots.flatMap((p) => p.figures.flatMap((f) => [f.name, f.unit])),
  // The words the sheet's cells take, quoted so the reader knows what to type.
  ...Object.values(DIRECTION_NAMES),
  ...Object.values(YES_NO),
  STATUS_NAMES.met,
  STATUS_NAMES.notMet,
  // The product's name, and the abbreviations in the numbers of Vietnamese legal documents.
  "Chỉ Tiêu",
  "QĐ",
  "NĐ",
  // Examples in the print form's hints of what to type in the Vietnamese document.
  "ĐẢNG BỘ TỈNH PHÚ THỌ",
  "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ AN HÒA",
  "Phú Thọ, ngày 20 tháng 12 năm 2025",
  "T/M BAN THƯỜNG VỤ",
  "BÍ THƯ",
  // Words of the printed document, quoted where the form says where they go.
  "Nơi nhận",
  "Số",
].sort((a, b) => b.length - a.length);

function withoutAllowed(text: string): string {
  return ALLOWED.reduce((rest, fragment) => rest.split(fragment).join(""), text.normalize("NFC"));
}

/**
 * What a reader sees or hears: text and the accessible attributes, outside lang="vi" parts and
 * outside form fields (what is typed there is the user's data).
 */
function shownText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  copy.querySelectorAll('[lang="vi"], textarea').forEach((e) => e.remove());
  const attributes = [...copy.querySelectorAll("*")].flatMap((e) =>
    ["aria-label", "aria-valuetext", "title", "placeholder"].map((a) => e.getAttribute(a) ?? ""),
  );
  return [copy.textContent ?? "", ...attributes].join("\n");
}

/** The Vietnamese words left once the allowed data is taken out, one line each. */
function vietnameseIn(text: string): string[] {
  return withoutAllowed(text)
    .split(/(?<=[.:;!?])\s+|\n/)
    .filter((line) => VIETNAMESE.test(line));
}

/** Every message of the catalogue with its example parameters, as the engine hands it over (Vietnamese). */
const messages: Message[] = catalogueEntries().map((e) => ({ id: e.id, params: e.example }));
/** Problems carry their message as data (id and parameters), as the readers make them. */
const problems: Problem[] = messages.map((m, i) => problem(SHEETS.unit, `B${i + 2}`, m, i % 2 === 0 ? "error" : "warning"));

function everyKindWorkbook() {
  const workbook = createFakeWorkbook();
  workbook.check.mockResolvedValue(problems);
  workbook.setUp.mockResolvedValue({ changes: messages, problems });
  workbook.evaluate.mockResolvedValue({
    ...GOOD_REPORT,
    problems,
    overwrittenFormulas: ["K7"],
    // A group the catalogue sheet left without a name travels as data ("Nhóm 3", "Group 3").
    groups: [...GOOD_REPORT.groups, { code: "3", name: sheetMsg.groupName.of("3"), met: 1, evaluated: 2, total: 3 }],
    evaluation: { ...GOOD_REPORT.evaluation, summary: { ...GOOD_REPORT.evaluation.summary, reasons: messages } },
  });
  // Two refusals as one message, as the workbook service gives the caps' reasons.
  const refusal = sheetMsg.sentences.of([messages.find((m) => m.id === "engine.capExceeded"), messages.find((m) => m.id === "engine.capMissing")] as Message[]);
  workbook.setFinalLevel.mockResolvedValue({ ok: false, reason: renderMessage(refusal, "vi"), said: refusal });
  workbook.preparePrint.mockResolvedValue(problems);
  workbook.readRules.mockResolvedValue({ rules: PRESETS["qd366-2025"], problems });
  workbook.readTaskRegister.mockResolvedValue({
    ...REGISTER_REPORT,
    problems,
    tasks: REGISTER_REPORT.tasks.map((task) => ({ ...task, reasons: messages })),
  });
  workbook.registerTask.mockResolvedValue({ ok: false, problems: messages.map((message, i) => ({ field: i % 2 === 0 ? "goal" : "register", message })) });
  // Every reason of the catalogue as the reason a file was not consolidated.
  workbook.consolidateFiles.mockResolvedValue({ ...CONSOLIDATION_REPORT, rejected: messages.map((reason, i) => ({ file: `${i + 1}.xlsx`, reason })), problems });
  workbook.assignUnits.mockResolvedValue({ ...ASSIGNMENT_REPORT, problems });
  workbook.readFollowUp.mockResolvedValue({ ...FOLLOW_UP_REPORT, problems });
  return workbook;
}

/** Opens a view in English over the workbook, does what a user does there, and returns the screen's text. */
async function englishScreen(view: (typeof VIEWS)[number]): Promise<string> {
  const { panel } = await renderPane(view, { workbook: everyKindWorkbook(), language: "en" });
  const click = (name: string) => fireEvent.click(screen.getByRole("button", { name }));
  if (view === "setup") click(en.setupUpdateButton);
  if (view === "check") click(en.checkButton);
  if (view === "print") click(en.printButton);
  if (view === "assign") click(en.assignButton);
  if (view === "tasks") {
    fireEvent.change(screen.getByLabelText(new RegExp(`^${en.taskCodeLabel}`)), { target: { value: "DP-09" } });
    fireEvent.change(screen.getByLabelText(new RegExp(`^${en.taskTargetNameLabel}`)), { target: { value: "Households" } });
    fireEvent.change(screen.getByLabelText(new RegExp(`^${en.taskTargetValueLabel}`)), { target: { value: "1200" } });
    click(en.taskRegisterButton);
  }
  if (view === "rating") {
    fireEvent.change(screen.getByRole("combobox", { name: new RegExp(`^${en.finalLevelLabel}`) }), { target: { value: "good" } });
    click(en.ratingSaveButton);
  }
  if (view === "consolidate") {
    fireEvent.change(screen.getByLabelText(en.consolidateFilesLabel), { target: { files: [new File([new Uint8Array([1])], "1.xlsx")] } });
    click(en.consolidateButton);
    await waitFor(() => expect(screen.getByText(fill(en.consolidateDone, { count: CONSOLIDATION_REPORT.units.length, files: 3 }))).toBeTruthy());
  }
  await settle();
  expect(panel.textContent).not.toBe("");
  // The tasks view shows the workbook's refusal, every message of the catalogue in it.
  if (view === "tasks") expect(panel.textContent).toContain(en.taskRefused);
  return shownText(document.body);
}

it("the catalogue is complete: both languages for every id, English free of Vietnamese, every parameter used", () => {
  const entries = catalogueEntries();
  expect(entries.length).toBeGreaterThan(100);
  for (const entry of entries) {
    const m = { id: entry.id, params: entry.example };
    const vi = renderMessage(m, "vi");
    const english = renderMessage(m, "en");
    expect([entry.id, vi.trim() !== "" && english.trim() !== ""]).toEqual([entry.id, true]);
    expect([entry.id, vietnameseIn(english)]).toEqual([entry.id, []]);
    // The same parameters: a text parameter the Vietnamese shows, the English shows too (in
    // English when it is itself a message of the catalogue).
    const shown = entry.example.flat().filter((p): p is string => typeof p === "string" && vi.includes(p));
    for (const p of shown) expect([entry.id, p, english.includes(translate(p, "en"))]).toEqual([entry.id, p, true]);
  }
});

it("translates the catalogue's fixed texts (a level's name in a cell) and leaves the workbook's data alone", () => {
  for (const entry of catalogueEntries().filter((e) => !e.hasParams)) {
    const m = { id: entry.id, params: [] };
    expect(translate(renderMessage(m, "vi"), "en")).toBe(renderMessage(m, "en"));
  }
  expect(translate("Xây dựng Đảng", "en")).toBe("Xây dựng Đảng");
});

it("finds Vietnamese on the Vietnamese screen (the check can fail)", async () => {
  await renderPane("check", { workbook: everyKindWorkbook(), language: "vi" });
  fireEvent.click(screen.getByRole("button", { name: strings.vi.checkButton }));
  await settle();
  expect(vietnameseIn(shownText(document.body)).length).toBeGreaterThan(messages.length / 2);
});

describe.each(VIEWS)("the %s view in English", (view) => {
  // Every message of the catalogue on screen: the tasks view took 12 s alone and over 30 s on a busy machine.
  it("shows no Vietnamese outside the workbook's data", async () => {
    expect(vietnameseIn(await englishScreen(view))).toEqual([]);
  }, 90_000);
});

it("shows every problem and reason of the catalogue in English", async () => {
  const screenText = await englishScreen("evaluate");
  const missing = messages.map((m) => renderMessage(m, "en")).filter((english) => !screenText.includes(english));
  expect(missing).toEqual([]);
});

it("the ribbon's notices are English too", () => {
  const report = { ...GOOD_REPORT, problems };
  const notices = [evaluationNotice(report, "en"), ...problems.map((p) => printNotice([p], "en"))];
  for (const notice of notices) expect(vietnameseIn([notice.title, ...notice.lines, notice.close].join("\n"))).toEqual([]);
  expect(printNotice([problems[0]], "en").lines[0]).toContain(renderMessage(messages[0], "en"));
});
