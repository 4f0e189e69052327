import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CATALOGUE, type Catalogue, type Level, type UnitKind } from "../../src/domain";
import { unitWorkbook, type UnitValues } from "../../src/layout";
import { writeXlsx } from "../../src/xlsx/writeLayout";

export interface UnitFileOptions {
  readonly unit: string;
  readonly kind?: UnitKind | null;
  /** The province's group of subjects, as a file made by `assign` carries it. */
  readonly groupName?: string;
  readonly year?: number;
  /** "excellent": every indicator exceeded; "good": every indicator exactly met. */
  readonly result?: "excellent" | "good";
  /** Common-criteria score: points are 70 + this when every indicator is met. */
  readonly common?: number;
  readonly finalLevel?: Level | null;
  readonly catalogue?: Catalogue;
}

export const ANSWERED = { disciplineBelow: "Không", shortcomingsRemedied: "Có" } as const;

/** Values that exceed (or exactly meet) every target of the catalogue. */
export function values(catalogue: Catalogue, result: "excellent" | "good"): Map<string, UnitValues> {
  const exceed = result === "excellent";
  return new Map(
    catalogue.indicators.map((i) => [
      i.code,
      i.direction === "milestone"
        ? { actual: "Đạt" }
        : i.direction === "decrease"
          ? { target: 10, actual: exceed ? 9 : 10 }
          : { target: 100, actual: exceed ? 110 : 100 },
    ]),
  );
}

/** The bytes of a unit workbook as the CLI writes it. */
export async function unitFileBytes(o: UnitFileOptions): Promise<Uint8Array> {
  const catalogue = o.catalogue ?? DEFAULT_CATALOGUE;
  return writeXlsx(
    unitWorkbook({
      unitName: o.unit,
      unitKind: o.kind ?? null,
      ...(o.groupName === undefined ? {} : { groupName: o.groupName }),
      head: "",
      year: o.year ?? 2025,
      catalogue,
      values: values(catalogue, o.result ?? "good"),
      commonScore: o.common ?? 25,
      // Both further conditions of excellent answered (QĐ 366 Art. 11), so the results are final.
      excellence: ANSWERED,
      finalLevel: o.finalLevel ?? null,
    }),
  );
}

export async function writeUnitFile(dir: string, file: string, o: UnitFileOptions): Promise<string> {
  const path = join(dir, file);
  writeFileSync(path, await unitFileBytes(o));
  return path;
}
