import { defineMessages, text } from "./localize";
import type { PresetId } from "../presets";

/** The rule sets as their titles name the texts they follow. */
export const PRESET_TITLES: Readonly<Record<PresetId, string>> = defineMessages("preset", {
  "qd366-2025": text(
    "Quy định 366-QĐ/TW (2025), Hướng dẫn 43-HD/BTCTW, Nghị định 335/2025/NĐ-CP",
    "Regulation 366-QĐ/TW (2025), Guidance 43-HD/BTCTW, Decree 335/2025/NĐ-CP",
  ),
  "nd90-2020": text(
    "Nghị định 90/2020/NĐ-CP (sửa đổi bởi 48/2023/NĐ-CP), Quy định 124-QĐ/TW",
    "Decree 90/2020/NĐ-CP (amended by 48/2023/NĐ-CP), Regulation 124-QĐ/TW",
  ),
});
