// Kinds of unit as the pane offers them. Informational: written in the unit
// sheet's heading, they do not change the rules.
import type { UnitKind } from "../domain";
import type { StringKey } from "../i18n/strings";

export type { UnitKind };

export const UNIT_KINDS: readonly UnitKind[] = ["commune", "district", "department", "massOrganisation"];

export const UNIT_KIND_LABEL: { readonly [K in UnitKind]: StringKey } = {
  commune: "unitKindCommune",
  district: "unitKindDistrict",
  department: "unitKindDepartment",
  massOrganisation: "unitKindMassOrganisation",
};

export function isUnitKind(value: unknown): value is UnitKind {
  return UNIT_KINDS.some((kind) => kind === value);
}
