/** Writes a layout's cells and names into an emulated workbook, the way the formula tests share it. */
import type { WorkbookLayout } from "../../src/layout/types";
import { createWorkbookEmulator, type WorkbookEmulator } from "../../src/preview/emulator";

/** Column letters and row offsets of a block cell ("A8" + (1, 2) → "C9"). */
function offsetAddress(at: string, row: number, col: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(at);
  if (!m) throw new Error(`bad address ${at}`);
  let n = [...m[1]].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) + col;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${Number(m[2]) + row}`;
}

/** Writes a layout's cells and names into a new emulated workbook, as a user typing them would. */
export async function load(layout: WorkbookLayout): Promise<WorkbookEmulator> {
  const emu = createWorkbookEmulator({ sheets: layout.sheets.map((s) => s.name) });
  for (const sheet of layout.sheets) {
    for (const block of sheet.blocks) {
      block.cells.forEach((line, r) =>
        line.forEach((content, c) => {
          const address = offsetAddress(block.at, r, c);
          if ("formula" in content) emu.typeValue(sheet.name, address, content.formula);
          else if (typeof content.value === "string") emu.typeValue(sheet.name, address, content.value === "" ? null : `'${content.value}`);
          else emu.typeValue(sheet.name, address, content.value);
        }),
      );
    }
  }
  await emu.run(async (context) => {
    for (const n of layout.names) context.workbook.names.add(n.name, `='${n.sheet}'!${n.ref}`);
    await context.sync();
  });
  return emu;
}
