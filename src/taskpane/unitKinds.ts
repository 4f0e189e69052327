// Kinds of unit (DOMAIN.md §5). Informational only: the workbook has no field for it yet, so it
// lives in the pane's state and its status line.
import type { StringKey } from "../i18n/strings";

export const UNIT_KINDS = ["commune", "district", "department", "massOrganisation"] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABEL: { readonly [K in UnitKind]: StringKey } = {
  commune: "unitKindCommune",
  district: "unitKindDistrict",
  department: "unitKindDepartment",
  massOrganisation: "unitKindMassOrganisation",
};

export function isUnitKind(value: unknown): value is UnitKind {
  return UNIT_KINDS.some((kind) => kind === value);
}
