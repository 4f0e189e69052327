/**
 * Issue 15 "Done when": one province scenario through `chitieu consolidate --json` and the pane's
 * Tổng hợp together — a tie at the cut, a final level above its cap, a unit with its own lowered
 * rules, a disqualified unit with high points, a quota share set in a unit file, a two-unit
 * workbook — and both give the same report.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runConsolidate } from "../../src/cli/consolidateCommand";
import type { UnitFileInput } from "../../src/contract/workbook";
import { consolidateFiles } from "../../src/excel/consolidateFiles";
import { ALL_FEATURES } from "../../src/excel/features";
import { DEFAULT_CATALOGUE, type ConsolidationResult } from "../../src/domain";
import { districtParams as district, someExceeded, unitBytes } from "../support/provinceFiles";
import { values } from "../support/unitFiles";
import { setup } from "./helpers";

const NOW = new Date("2026-01-05T09:15:00Z");
const EXCELLENT = values(DEFAULT_CATALOGUE, "excellent");

const FILES = [
  // 98 points, excellent; its own quota share of 100 % must not set the province's quota.
  ["01-binh-xuyen.xlsx", district("Bình Xuyên", { values: EXCELLENT, commonScore: 28, rules: { quotaShare: 1 } })],
  // Two units in one workbook: Vĩnh Yên also 98 points, excellent: the tie at the cut.
  ["02-phuc-yen-vinh-yen.xlsx", [district("Phúc Yên"), district("Vĩnh Yên", { values: EXCELLENT, commonScore: 28 })]],
  // Its own excellent threshold lowered to 10 %: 3 of 18 exceeded is good under the province's 30 %.
  ["03-lap-thach.xlsx", district("Lập Thạch", { values: someExceeded(3), commonScore: 28, rules: { excellentExceededShare: { min: 0.1, inclusive: true } } })],
  // Rated excellent by hand above the unit's level "good": refused, counted as suggested.
  ["04-song-lo.xlsx", district("Sông Lô", { unitLevel: "good", finalLevel: "excellent" })],
  // Disciplined in the year, 99 points: incomplete whatever the points, ranked after every unit that completed.
  ["05-yen-lac.xlsx", district("Yên Lạc", { values: EXCELLENT, commonScore: 29, disqualifying: { sanction: "Có" } })],
  ["06-tam-duong.xlsx", district("Tam Dương")],
  ["07-tam-dao.xlsx", district("Tam Đảo")],
] as const;

type Unit = ConsolidationResult["units"][number];

test("the CLI and the pane consolidate the province's scenario alike, under the province's rules", async () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-province-scenario-"));
  const picked: UnitFileInput[] = [];
  for (const [name, params] of FILES) {
    const path = join(dir, name);
    writeFileSync(path, await unitBytes(params));
    picked.push({ name, bytes: new Uint8Array(readFileSync(path)), lastModified: statSync(path).mtimeMs });
  }
  const cli = await runConsolidate({ inputs: [dir], output: join(dir, "tong-hop.xlsx"), json: true, exceptional: new Set(), now: NOW });
  const json = JSON.parse(cli.stdout.split(`${dir}/`).join("")) as ConsolidationResult;
  expect(cli.exitCode).toBe(1);

  const { emulator } = setup();
  const { problems, wrote, insertedSheets, ...pane } = await consolidateFiles((batch) => emulator.run(batch), picked, { exceptionalKinds: [] }, ALL_FEATURES, NOW);
  expect({ problems, wrote, insertedSheets }).toEqual({ problems: [], wrote: true, insertedSheets: [] });
  expect(pane).toEqual(json);

  const unit = (name: string) => json.units.find((u) => u.unit === name) as Unit;
  const messages = (name: string) => unit(name).problems.map((p) => p.message);
  // Every unit of the shared workbook, none rejected.
  expect(json.units).toHaveLength(8);
  expect(json.rejected).toEqual([]);
  // The province's 20 %: five good and two proposed excellent allow one; the two at 98 points tie.
  expect(json.quota).toEqual([expect.objectContaining({ kind: "district", allowed: 1, excellent: 2, tieAtCut: true })]);
  for (const name of ["Bình Xuyên", "Vĩnh Yên"]) expect(unit(name)).toMatchObject({ countedLevel: "excellent", decision: "tie", excellentKept: null, publishedLevel: null });
  expect(messages("Bình Xuyên")).toEqual([expect.stringContaining("HanMucXuatSac là 100")]);
  expect(unit("Lập Thạch")).toMatchObject({ level: "good", countedLevel: "good", decision: null });
  expect(messages("Lập Thạch")).toEqual([expect.stringContaining("TyLeVuotXuatSac là 10")]);
  expect(unit("Sông Lô")).toMatchObject({ finalLevel: null, countedLevel: "good" });
  expect(messages("Sông Lô")).toEqual([expect.stringContaining("Không thể xếp người đứng đầu")]);
  expect(unit("Yên Lạc")).toMatchObject({ points: 99, level: "incomplete", countedLevel: "incomplete" });
  expect(Math.max(...json.units.filter((u) => u.unit !== "Yên Lạc").map((u) => u.rank ?? 0))).toBeLessThan(unit("Yên Lạc").rank ?? 0);
}, 120_000);
