import { defineMessages, message, sentence } from "./localize";

/**
 * The shape of the JSON documents the CLI reads (`evaluate`, `tasks evaluate`, `workbook --data`):
 * `path` names the field as the document writes it (indicators[2].code).
 */
export const docMsg = defineMessages("document", {
  noIndicators: sentence("Tài liệu phải là một đối tượng JSON có trường indicators.", "The document must be a JSON object with an indicators field."),
  noTasks: sentence("Tài liệu phải là một đối tượng JSON có mảng tasks.", "The document must be a JSON object with a tasks array."),
  badPreset: message(
    (presets: string) => `preset không hợp lệ: chọn một trong ${presets}.`,
    (presets) => `preset is not valid: choose one of ${presets}.`,
    ["qd366-2025, default"],
  ),
  indicatorsNotArray: sentence("Trường indicators phải là một mảng.", "The indicators field must be an array."),
  notObject: message((path: string) => `${path} phải là một đối tượng JSON.`, (path) => `${path} must be a JSON object.`, ["indicators[0]"]),
  notStringOrNumber: message((path: string) => `${path} phải là chuỗi hoặc số.`, (path) => `${path} must be a string or a number.`, ["indicators[0].code"]),
  notString: message((path: string) => `${path} phải là chuỗi.`, (path) => `${path} must be a string.`, ["indicators[0].name"]),
  disqualifyingShape: sentence(
    "Trường disqualifying phải là một đối tượng { degradation, sanction, corruption }.",
    "The disqualifying field must be an object { degradation, sanction, corruption }.",
  ),
  excellenceShape: sentence(
    "Trường excellence phải là một đối tượng { disciplineBelow, shortcomingsRemedied }.",
    "The excellence field must be an object { disciplineBelow, shortcomingsRemedied }.",
  ),
  notADay: message(
    (path: string, found: string) => `${path}: ${found} không phải một ngày có thật (ví dụ 30/09/2025 hoặc 2025-09-30).`,
    (path, found) => `${path}: ${found} is not a real day (for example 30/09/2025 or 2025-09-30).`,
    ["tasks[0].droppedOn", '"31/02/2025"'],
  ),
  approvalShape: message(
    (path: string) => `${path} phải là một đối tượng JSON { body, number, date }.`,
    (path) => `${path} must be a JSON object { body, number, date }.`,
    ["tasks[0].approval"],
  ),
  taskKind: message(
    (path: string) => `${path} phải là "breakthrough" hoặc "innovation".`,
    (path) => `${path} must be "breakthrough" or "innovation".`,
    ["tasks[0].kind"],
  ),
  taskYears: message(
    (path: string) => `${path}.firstYear và lastYear phải là năm (số nguyên).`,
    (path) => `${path}.firstYear and lastYear must be years (whole numbers).`,
    ["tasks[0]"],
  ),
  oneOf: message((path: string, choices: string) => `${path} phải là một trong ${choices}.`, (path, choices) => `${path} must be one of ${choices}.`, [
    "tasks[0].state",
    "registered, approved",
  ]),
  taskArrays: message(
    (path: string) => `${path}.targets và milestones phải là mảng.`,
    (path) => `${path}.targets and milestones must be arrays.`,
    ["tasks[0]"],
  ),
  targetShape: message(
    (path: string) => `${path} cần year (năm) và name (chuỗi).`,
    (path) => `${path} needs year (a year) and name (a string).`,
    ["tasks[0].targets[0]"],
  ),
  milestoneShape: message(
    (path: string) => `${path} cần what và due (chuỗi).`,
    (path) => `${path} needs what and due (strings).`,
    ["tasks[0].milestones[0]"],
  ),
  milestoneNoDue: message((path: string) => `${path}: mốc cần hạn (một ngày).`, (path) => `${path}: a milestone needs a due day.`, [
    "tasks[0].milestones[0].due",
  ]),
});
