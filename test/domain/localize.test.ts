// The message catalogue's mechanism: the engine keeps giving Vietnamese strings, and a screen can
// have the same messages in English however the strings travelled.
import { assignMsg, checkFinalLevel, criteriaMsg, DISQUALIFIER_NAMES, LEVEL_NAMES, PRESET_TITLES, UNIT_KIND_NAMES } from "../../src/domain";
import { defineMessages, madeByCatalogue, message, messageOf, render, text, translate } from "../../src/domain/localize";
import { DATE_FIELD_NAMES, msg, SUBJECT_NAMES } from "../../src/domain/messages";
import { TASK_LEVEL_NAMES, taskMsg } from "../../src/domain/tasks";
import { sheetMsg } from "../../src/layout/messages";
import { entryMsg } from "../../src/layout/tasks";
import { registerMsg } from "../../src/excel/taskRegister";
import { unitTaskMsg } from "../../src/excel/unitTaskBlocks";
import { problem } from "../../src/layout/problems";
import { assignSheetMsg, unitFilesMsg } from "../../src/layout/province";
import { provinceMsg } from "../../src/excel/provinceActions";
import { followUpPaneMsg } from "../../src/excel/followUpActions";
import { followUpMsg } from "../../src/layout/read";
import { SHEETS } from "../../src/layout/schema";
import { cliMsg, reportMsg } from "../../src/cli/messages";

it("gives the Vietnamese text as before and finds the message again from it", () => {
  const vi = msg.duplicateCode("1.1");
  expect(vi).toBe("Mã 1.1 bị trùng: mỗi chỉ tiêu cần một mã riêng.");
  expect(messageOf(vi)).toEqual({ id: "engine.duplicateCode", params: ["1.1"] });
  expect(translate(vi, "en")).toBe("Code 1.1 is used twice: each indicator needs its own code.");
  expect(translate(vi, "vi")).toBe(vi);
});

it("translates messages inside messages, and names looked up by key", () => {
  const reason = msg.reasonLevel("good", [msg.conditionAllMet(), msg.conditionPoints(70)]);
  expect(translate(reason, "en")).toBe("Meets Good: every indicator met; total points at least 70.");
  expect(translate(LEVEL_NAMES.excellent, "en")).toBe("Excellent");
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
  expect(translate(sheetMsg.foreignSheet("Bản in"), "en")).toBe('a sheet named "Bản in" already exists and was not made by Chỉ Tiêu; rename it and run Setup again.');
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

it("translates a problem's whole sentence, place included, as the rating's refusal shows it", () => {
  const refused = problem(SHEETS.unit, null, sheetMsg.noUnitTable);
  expect(refused.message).toBe('Trang "Chỉ tiêu": chưa có bảng chỉ tiêu (tblChiTieu); hãy chạy Thiết lập để tạo trang tính.');
  expect(translate(refused.message, "en")).toBe('Sheet "Chỉ tiêu": there is no indicator table (tblChiTieu) yet; run Setup to create the sheet.');
  expect(translate(problem(SHEETS.unit, "I9", msg.missingTarget).message, "en")).toBe('Sheet "Chỉ tiêu", cell I9: No target entered.');
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
