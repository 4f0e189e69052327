/**
 * A1 address arithmetic, the one place for it (0-based rows and columns inside the code, 1-based in
 * addresses): the layout, the adapter, the .xlsx reader and writers, the emulator and the workbench
 * all count columns here.
 */

/** Excel's worksheet: 1,048,576 rows and 16,384 columns (A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** "A" for 0, "Z" for 25, "AA" for 26, "XFD" for 16,383; a column outside the worksheet is refused. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) throw new RangeError(`No column ${index} in a worksheet (A to XFD)`);
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 0-based index of column letters, case-insensitive. Letters past XFD give an index of
 * MAX_COLUMNS or more (not an error): the readers name such a cell in their own messages.
 */
export function columnIndex(letters: string): number {
  // Called for every cell a reader scans: char codes, no regular expression, no new string.
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const letter = (letters.charCodeAt(i) | 0x20) - 96; // "a"/"A" → 1 … "z"/"Z" → 26
    if (letter < 1 || letter > 26) throw new RangeError(`Not column letters: ${letters}`);
    n = n * 26 + letter;
  }
  if (n === 0) throw new RangeError("Not column letters: (empty)");
  return n - 1;
}

/** Whether a 0-based cell lies on the worksheet. */
export function insideSheet(row: number, column: number): boolean {
  return Number.isInteger(row) && Number.isInteger(column) && row >= 0 && row < MAX_ROWS && column >= 0 && column < MAX_COLUMNS;
}

export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

export function cellAddress(row: number, column: number): string {
  if (!insideSheet(row, column)) throw new RangeError(`No cell at row ${row + 1}, column ${column + 1} in a worksheet`);
  return `${columnLetter(column)}${row + 1}`;
}

export function parseCell(address: string): CellPosition {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  const cell = match && { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
  if (!cell || !insideSheet(cell.row, cell.column)) throw new RangeError(`Not a cell address: ${address}`);
  return cell;
}

/** The range covering `rows` × `columns` cells from a top-left cell. */
export function rangeAddress(at: string, rows: number, columns: number): string {
  const start = parseCell(at);
  const end = cellAddress(start.row + rows - 1, start.column + columns - 1);
  return rows === 1 && columns === 1 ? at : `${at}:${end}`;
}

export function absolute(address: string): string {
  return address
    .split(":")
    .map((part) => {
      const { row, column } = parseCell(part);
      return `$${columnLetter(column)}$${row + 1}`;
    })
    .join(":");
}

/** Quote a sheet name for a formula or address: 'Chỉ tiêu'!$A$1. */
export function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** "='Chỉ tiêu'!$D$38" → { sheet: "Chỉ tiêu", address: "D38" }. */
export function parseReference(formula: string): { sheet: string; address: string } | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(formula.trim());
  if (!match) return null;
  const sheet = (match[1] ?? match[2]).replace(/''/g, "'");
  const start = `${match[3]}${match[4]}`;
  return { sheet, address: match[5] ? `${start}:${match[5]}${match[6]}` : start };
}
