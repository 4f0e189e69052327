import type { Block, CellContent, Owner, Scalar, StyleSpec } from "./types";

export const value = (v: Scalar): CellContent => ({ value: v });
export const formula = (f: string): CellContent => ({ formula: f });

/** A one-cell block, optionally merged across to `mergeTo`. */
export function cell(
  at: string,
  content: CellContent,
  owner: Owner,
  style?: StyleSpec,
  options: { unlocked?: boolean; mergeTo?: string } = {},
): Block {
  return { at, cells: [[content]], owner, style, ...options };
}
