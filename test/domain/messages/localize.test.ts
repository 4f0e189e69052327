// The message catalogue's mechanism: a message travels as data ({ id, params }) and is rendered in
// either language where it is shown; its Vietnamese text alone is never taken back to the message.
import { checkFinalLevel, DISQUALIFIER_NAMES, LEVEL_NAMES, UNIT_KIND_NAMES } from "../../../src/domain";
import { assignMsg } from "../../../src/domain/messages/assignment";
import { criteriaMsg } from "../../../src/domain/messages/criteria";
import { PRESET_TITLES } from "../../../src/domain/messages/presets";
import { asMessage, defineMessages, madeByCatalogue, message, render, text, translate, verbatim } from "../../../src/domain/messages/localize";
import { DATE_FIELD_NAMES, SUBJECT_NAMES } from "../../../src/domain/messages/names";
import { msg } from "../../../src/domain/messages/engine";
import { TASK_LEVEL_NAMES, taskMsg } from "../../../src/domain/messages/tasks";
import { sheetMsg } from "../../../src/domain/messages/sheet";
import { entryMsg } from "../../../src/domain/messages/taskEntry";
import { registerMsg } from "../../../src/domain/messages/taskRegisterSetup";
import { unitTaskMsg } from "../../../src/domain/messages/unitTaskBlock";
import { problem, problemMessage } from "../../../src/layout/problems";
import { assignSheetMsg } from "../../../src/domain/messages/assignSheet";
import { unitFilesMsg } from "../../../src/domain/messages/unitFiles";
import { provinceMsg } from "../../../src/domain/messages/provinceSheets";
import { followUpPaneMsg } from "../../../src/domain/messages/followUpPane";
import { followUpMsg } from "../../../src/domain/messages/followUp";
import { SHEETS, TABLES } from "../../../src/layout/schema";
import { cliMsg } from "../../../src/domain/messages/cli";
import { reportMsg } from "../../../src/domain/messages/report";

it("gives the Vietnamese text, and the message as data for English; the text alone is not taken back", () => {
  const vi = msg.duplicateCode("1.1");
  expect(vi).toBe("Mã 1.1 bị trùng: mỗi chỉ tiêu cần một mã riêng.");
  const data = msg.duplicateCode.of("1.1");
  expect(data).toEqual({ id: "engine.duplicateCode", params: ["1.1"] });
  expect(render(data, "vi")).toBe(vi);
  expect(render(data, "en")).toBe("Code 1.1 is used twice: each indicator needs its own code.");
  // Made a moment ago or not, a text with parameters is data to translate: it stays as it is.
  expect(translate(vi, "en")).toBe(vi);
});

it("renders messages inside messages; a fixed text (a level's name) is found by its text", () => {
  const reason = msg.reasonLevel.of("good", [msg.conditionAllMet.of(), msg.conditionPoints.of(70)]);
  expect(render(reason, "en")).toBe("Meets Good: every indicator met; total points at least 70.");
  expect(translate(LEVEL_NAMES.excellent, "en")).toBe("Excellent");
  expect(asMessage(sheetMsg.empty)).toEqual({ id: "sheet.empty", params: [] });
});

it("renders the caps' refusals, several sentences, as one message; a joined text is not taken apart", () => {
  const refusals = checkFinalLevel("excellent", { unit: "good", civilServant: "complete" }).map((b) => b.message);
  const english =
    'Cannot rate the head "Excellent": above the level of the collective or unit ("Good"). ' +
    'Cannot rate the head "Excellent": above the level of the head as a civil servant ("Complete").';
  expect(render(sheetMsg.sentences.of(refusals), "en")).toBe(english);
  expect(render(sheetMsg.capChangedMeanwhile.of(sheetMsg.sentences.of(refusals)), "en")).toBe(
    `A cap changed while writing (perhaps a colleague is editing too): ${english} The final level was left as it was.`,
  );
  const joined = render(sheetMsg.sentences.of(refusals), "vi");
  expect(translate(joined, "en")).toBe(joined);
});

it("leaves the workbook's own data as it is", () => {
  expect(translate("Kết nạp đảng viên mới", "en")).toBe("Kết nạp đảng viên mới");
  expect(render(verbatim("Kết nạp đảng viên mới"), "en")).toBe("Kết nạp đảng viên mới");
  expect(render(sheetMsg.foreignSheet.of("Bản in"), "en")).toBe('a sheet named "Bản in" already exists and was not made by Chỉ Tiêu; rename it and run Setup again.');
});

it("refuses an id defined twice, and one Vietnamese text with two English ones", () => {
  defineMessages("test.once", { a: text("một", "one") });
  expect(() => defineMessages("test.once", { a: text("hai", "two") })).toThrow("test.once.a");
  expect(() => defineMessages("test.clash", { b: text("một", "a") })).toThrow("share their Vietnamese text");
});

it("renders a message given as data in either language", () => {
  const made = defineMessages("test.render", {
    rows: message((n: number) => `${n} dòng`, (n) => `${n} rows`, [2]),
  });
  expect(made.rows(3)).toBe("3 dòng");
  expect(render({ id: "test.render.rows", params: [3] }, "en")).toBe("3 rows");
});

it("renders a problem's whole sentence, place included, as the rating's refusal shows it", () => {
  const refused = problem(SHEETS.unit, null, sheetMsg.noUnitTable.of(TABLES.unit));
  expect(refused.message).toBe('Trang "Chỉ tiêu": chưa có bảng chỉ tiêu (tblChiTieu); hãy chạy Thiết lập để tạo trang tính.');
  expect(problemMessage(refused, "en")).toBe('Sheet "Chỉ tiêu": there is no indicator table (tblChiTieu) yet; run Setup to create the sheet.');
  expect(problemMessage(problem(SHEETS.unit, "I9", msg.missingTarget), "en")).toBe('Sheet "Chỉ tiêu", cell I9: No target entered.');
});

it("every member of the messages objects comes from the catalogue (a plain string or function would stay Vietnamese)", () => {
  const sections: Record<string, object> = {
    msg,
    sheetMsg,
    taskMsg,
    criteriaMsg,
    LEVEL_NAMES,
    UNIT_KIND_NAMES,
    DISQUALIFIER_NAMES,
    SUBJECT_NAMES,
    DATE_FIELD_NAMES,
    PRESET_TITLES,
    TASK_LEVEL_NAMES,
    entryMsg,
    registerMsg,
    unitTaskMsg,
    assignMsg,
    assignSheetMsg,
    followUpMsg,
    unitFilesMsg,
    provinceMsg,
    followUpPaneMsg,
    cliMsg,
    reportMsg,
  };
  const strays = (prefix: string, members: object): string[] =>
    Object.entries(members).flatMap(([name, value]) => {
      if (typeof value === "object" && value !== null) return strays(`${prefix}.${name}`, value);
      return madeByCatalogue(value) ? [] : [`${prefix}.${name}`];
    });
  expect(Object.entries(sections).flatMap(([name, members]) => strays(name, members))).toEqual([]);
  expect(madeByCatalogue(() => "Chưa có.")).toBe(false);
  expect(madeByCatalogue("Chưa có.")).toBe(false);
});
