import { LEVEL_NAMES, textKey, type Level } from "../../domain";
import { sheetMsg } from "../../domain/messages/sheet";
import { problem, type Problem } from "../problems";
import { SHEETS } from "../schema";

const LEVEL_BY_TEXT = new Map((Object.entries(LEVEL_NAMES) as [Level, string][]).map(([level, text]) => [textKey(text), level]));

/** A level typed in a cell, or null when empty; text that is not a level is a problem. */
export function parseLevelCell(value: unknown, sheet: string = SHEETS.unit, address: string | null = null): { level: Level | null; problem: Problem | null } {
  if (value === "" || value === null || value === undefined) return { level: null, problem: null };
  const level = typeof value === "string" ? LEVEL_BY_TEXT.get(textKey(value)) : undefined;
  if (level) return { level, problem: null };
  return { level: null, problem: problem(sheet, address, sheetMsg.notALevel.of(String(value))) };
}
