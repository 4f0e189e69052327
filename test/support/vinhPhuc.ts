/**
 * The Vĩnh Phúc 2021 province (issue 16): three groups of subjects, each with its own catalogue —
 * 9 districts/cities (18 indicators, Vĩnh Yên with one of its own), 13 provincial bodies and mass
 * organisations, 6 department directors — the province workbook its office fills in, and each
 * unit's figures at a share of the year. The new members' targets and actuals are the seed's:
 * 2.100 admitted of 2.000 assigned. Used by the story test and the printed pages of its year.
 */
import { writeFileSync } from "node:fs";
import { DEFAULT_CATALOGUE, ruleSet, type Catalogue, type UnitKind } from "../../src/domain";
import { assignmentSheet } from "../../src/layout/province";
import { SHEETS } from "../../src/layout/schema";
import { rulesSheet, rulesSheetNames } from "../../src/layout/unit";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import type { SnapshotFigures } from "./followUpFiles";

/** Targets and actuals of new Party members (1.1): 2.000 assigned, 2.100 admitted. */
export const DISTRICTS: readonly [name: string, target: number, actual: number][] = [
  ["Vĩnh Yên", 200, 205],
  ["Phúc Yên", 150, 155],
  ["Bình Xuyên", 250, 260],
  ["Tam Dương", 200, 206],
  ["Tam Đảo", 200, 230],
  ["Lập Thạch", 250, 258],
  ["Sông Lô", 200, 218],
  ["Vĩnh Tường", 300, 310],
  ["Yên Lạc", 250, 258],
];
export const BODIES = [
  "Văn phòng Tỉnh ủy",
  "Ban Tổ chức Tỉnh ủy",
  "Ban Tuyên giáo Tỉnh ủy",
  "Ban Dân vận Tỉnh ủy",
  "Ban Nội chính Tỉnh ủy",
  "Ủy ban Kiểm tra Tỉnh ủy",
  "Đảng ủy Khối các cơ quan tỉnh",
  "Đảng ủy Khối doanh nghiệp tỉnh",
  "Ủy ban MTTQ Việt Nam tỉnh",
  "Tỉnh đoàn",
  "Hội Liên hiệp Phụ nữ tỉnh",
  "Hội Nông dân tỉnh",
  "Liên đoàn Lao động tỉnh",
];
export const DIRECTORS = ["Sở Nội vụ", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giáo dục và Đào tạo"];

const indicator = (code: string, name: string, unit: string, direction: "increase" | "decrease" | "milestone") => ({ code, group: code.split(".")[0], name, unit, direction, key: false, weight: 1 });

/** The districts' catalogue, with Vĩnh Yên's own indicator (3.8) after it. */
const DISTRICT_CATALOGUE: Catalogue = {
  groups: DEFAULT_CATALOGUE.groups,
  indicators: [...DEFAULT_CATALOGUE.indicators, indicator("3.8", "Số doanh nghiệp thành lập mới", "doanh nghiệp", "increase")],
};
const BODY_CATALOGUE: Catalogue = {
  groups: [
    { code: "1", name: "Tham mưu, giúp việc" },
    { code: "2", name: "Xây dựng tổ chức" },
  ],
  indicators: [
    indicator("1.1", "Đề án, văn bản tham mưu được ban hành", "văn bản", "increase"),
    indicator("1.2", "Tỷ lệ nhiệm vụ hoàn thành đúng hạn", "%", "increase"),
    indicator("2.1", "Kết nạp đoàn viên, hội viên mới", "người", "increase"),
    indicator("2.2", "Hoàn thành sắp xếp tổ chức bộ máy", "", "milestone"),
    indicator("2.3", "Đơn thư tồn đọng", "vụ", "decrease"),
  ],
};
const DIRECTOR_CATALOGUE: Catalogue = {
  groups: [{ code: "1", name: "Nhiệm vụ của ngành" }],
  indicators: [
    indicator("1.1", "Tỷ lệ giải ngân vốn đầu tư công của ngành", "%", "increase"),
    indicator("1.2", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", "increase"),
    indicator("1.3", "Thu ngân sách do ngành quản lý", "tỷ đồng", "increase"),
    indicator("1.4", "Hoàn thành chuyển đổi số của ngành", "", "milestone"),
  ],
};

/** The target of a code for a unit: the seed's 1.1 for the districts, round figures elsewhere. */
function target(code: string, unit: string, catalogue: Catalogue): number | string {
  const district = DISTRICTS.find(([name]) => name === unit);
  if (catalogue === DISTRICT_CATALOGUE && code === "1.1" && district) return district[1];
  const ind = catalogue.indicators.find((i) => i.code === code);
  if (ind?.direction === "milestone") return "Đạt";
  if (ind?.unit === "%") return 90;
  return ind?.direction === "decrease" ? 10 : 100;
}

export interface Group {
  readonly name: string;
  readonly kind: UnitKind;
  readonly units: readonly string[];
  readonly catalogue: Catalogue;
}

export const GROUPS: readonly Group[] = [
  { name: "Huyện, thành phố", kind: "district", units: DISTRICTS.map(([name]) => name), catalogue: DISTRICT_CATALOGUE },
  { name: "Cơ quan tham mưu, Mặt trận và đoàn thể tỉnh", kind: "massOrganisation", units: BODIES, catalogue: BODY_CATALOGUE },
  { name: "Giám đốc sở", kind: "department", units: DIRECTORS, catalogue: DIRECTOR_CATALOGUE },
];

/** The province workbook as the committee's office fills it in: three assignment sheets and the 2021 rules (nd90-2020). */
export async function provinceWorkbook(file: string): Promise<void> {
  const sheets = GROUPS.map((g, i) =>
    assignmentSheet({
      index: i + 1,
      group: g.name,
      year: 2021,
      catalogue: g.catalogue,
      indicators: g.catalogue.indicators.map((ind) => ({
        code: ind.code,
        additive: ind.direction !== "milestone" && ind.unit !== "%",
        scope: ind.code === "3.8" ? ("own" as const) : ("all" as const),
        provinceTarget: g.kind === "district" && ind.code === "1.1" ? 2000 : null,
      })),
      units: g.units.map((name) => ({ name, head: `Người đứng đầu ${name}`, kind: g.kind })),
      targets: new Map(
        g.units.map((unit) => [
          unit,
          new Map(g.catalogue.indicators.filter((ind) => ind.code !== "3.8" || unit === "Vĩnh Yên").map((ind) => [ind.code, target(ind.code, unit, g.catalogue)] as const)),
        ]),
      ),
    }),
  );
  writeFileSync(file, await writeXlsx({ sheets: [...sheets, rulesSheet(ruleSet("nd90-2020"))], names: rulesSheetNames().map((n) => ({ ...n, sheet: SHEETS.rules })) }));
}

/**
 * A unit's figures at a share of the year: on its due figure everywhere; at year end Tam Đảo
 * exceeds every count and rate (its excellent year), one body leaves its backlog of petitions, and
 * the districts' new members are the seed's.
 */
export function figures(g: Group, unit: string, share: number): SnapshotFigures {
  return Object.fromEntries(
    g.catalogue.indicators
      .filter((ind) => ind.code !== "3.8" || unit === "Vĩnh Yên")
      .map((ind) => {
        const t = target(ind.code, unit, g.catalogue);
        if (ind.direction === "milestone") return [ind.code, share === 1 ? "Đạt" : ""];
        const district = DISTRICTS.find(([name]) => name === unit);
        if (g.kind === "district" && ind.code === "1.1" && district) return [ind.code, Math.round(district[2] * share)];
        const exceeds = unit === "Tam Đảo" && share === 1;
        if (ind.unit === "%") return [ind.code, exceeds ? (ind.direction === "decrease" ? 85 : 95) : Number(t)];
        if (ind.direction === "decrease") return [ind.code, unit === "Hội Nông dân tỉnh" && share === 1 ? 12 : Number(t) * share];
        return [ind.code, exceeds ? 110 : Number(t) * share];
      }),
  );
}
