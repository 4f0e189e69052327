// Where the emulated workbook's selection is, read the way the pane's service would: through the API.
import type { WorkbookEmulator } from "../emulator";

export interface GridSelection {
  readonly sheet: string;
  readonly address: string;
}

/** "'Chỉ tiêu'!I9:J10" → sheet "Chỉ tiêu", first cell "I9". */
export function parseRangeAddress(address: string): GridSelection {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return { sheet, address: address.slice(bang + 1).split(":")[0].replace(/\$/g, "") };
}

export async function readSelection(emulator: WorkbookEmulator): Promise<GridSelection | null> {
  try {
    return await emulator.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      await context.sync();
      return parseRangeAddress(range.address);
    });
  } catch {
    // A fresh workbook has no selection yet.
    return null;
  }
}

/** Makes `address` on `sheet` the active sheet and selection, as a click in Excel does. */
export async function selectInWorkbook(emulator: WorkbookEmulator, sheet: string, address: string): Promise<void> {
  await emulator.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}
