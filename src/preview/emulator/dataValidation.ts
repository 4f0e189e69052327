import { sameRect } from "./address";
import { DataValidationEntry } from "./cellStore";
import { normalizeEnum } from "./enums";
import { fail } from "./errors";
import { PropertySpec } from "./proxyBase";
import { RangeTarget, assertUnprotected } from "./rangeOps";

/** Rule keys of Excel.DataValidationRule and the type each produces. */
const RULE_TYPES: Record<string, string> = {
  list: "List",
  decimal: "Decimal",
  wholeNumber: "WholeNumber",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  custom: "Custom",
};

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return fail("InvalidArgument", `${what} must be an object.`);
  return value as Record<string, unknown>;
}

/** Validates a rule like Excel does (one rule kind, required operands) and returns its type and a clean copy. */
function checkRule(input: unknown): { type: string; rule: Record<string, unknown> } {
  const keys = Object.entries(asRecord(input, "rule")).filter(([, v]) => v !== undefined && v !== null);
  if (keys.length !== 1 || !(keys[0][0] in RULE_TYPES)) fail("InvalidArgument", "A data validation rule needs exactly one rule type.");
  const [kind, raw] = keys[0];
  const body = { ...asRecord(raw, kind) };
  if (kind === "list" && (body.source === undefined || body.source === "")) fail("InvalidArgument", "A list rule needs a source.");
  if (kind === "custom" && typeof body.formula !== "string") fail("InvalidArgument", "A custom rule needs a formula.");
  if (kind !== "list" && kind !== "custom") {
    body.operator = normalizeEnum("DataValidationOperator", body.operator);
    if (body.formula1 === undefined) fail("InvalidArgument", "formula1 is required.");
    if ((body.operator === "Between" || body.operator === "NotBetween") && body.formula2 === undefined) {
      fail("InvalidArgument", "formula2 is required for Between/NotBetween.");
    }
  }
  return { type: RULE_TYPES[kind], rule: JSON.parse(JSON.stringify({ [kind]: body })) as Record<string, unknown> };
}

function findEntry(t: RangeTarget): DataValidationEntry | undefined {
  const { startRow, startCol, endRow, endCol } = t.rect;
  return [...t.sheet.dataValidations].reverse().find((e) =>
    e.rect.startRow <= startRow && e.rect.startCol <= startCol && e.rect.endRow >= endRow && e.rect.endCol >= endCol,
  );
}

/** The entry for exactly this range, created (type None) when alert/prompt are set before a rule. */
function ownEntry(t: RangeTarget): DataValidationEntry {
  assertUnprotected(t.sheet, "change data validation");
  let entry = t.sheet.dataValidations.find((e) => sameRect(e.rect, t.rect));
  if (!entry) {
    entry = {
      rect: t.rect, type: "None", rule: {}, ignoreBlanks: true,
      errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
      prompt: { showPrompt: false, title: "", message: "" },
    };
    t.sheet.dataValidations.push(entry);
  }
  return entry;
}

export function validationSpecs(): Record<string, PropertySpec<RangeTarget>> {
  return {
    type: { get: (t) => findEntry(t)?.type ?? "None" },
    rule: {
      get: (t) => findEntry(t)?.rule ?? {},
      set: (t, v) => {
        const { type, rule } = checkRule(v);
        const entry = ownEntry(t);
        entry.type = type;
        entry.rule = rule;
      },
    },
    ignoreBlanks: { get: (t) => findEntry(t)?.ignoreBlanks ?? true, set: (t, v) => void (ownEntry(t).ignoreBlanks = Boolean(v)) },
    errorAlert: {
      get: (t) => findEntry(t)?.errorAlert ?? null,
      set: (t, v) => {
        const entry = ownEntry(t);
        const alert = { ...entry.errorAlert, ...asRecord(v, "errorAlert") };
        if (alert.style !== undefined) alert.style = normalizeEnum("DataValidationAlertStyle", alert.style);
        entry.errorAlert = alert;
      },
    },
    prompt: {
      get: (t) => findEntry(t)?.prompt ?? null,
      set: (t, v) => void (ownEntry(t).prompt = { ...ownEntry(t).prompt, ...asRecord(v, "prompt") }),
    },
  };
}
