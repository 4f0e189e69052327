/** A1 address arithmetic (0-based rows and columns inside the code, 1-based in addresses). */

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export function parseCell(address: string): CellPosition {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
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
