// The signed document's header before the user fills it in. A module of its own so the task pane
// can show it without loading the workbook layout (see src/taskpane/index.tsx).
import type { DocumentHeader } from "../schema";

export const DEFAULT_HEADER: DocumentHeader = {
  superiorBody: "ĐẢNG BỘ TỈNH ...",
  issuingBody: "BAN THƯỜNG VỤ ...",
  number: "   -BC/...",
  placeDate: "..., ngày ... tháng ... năm ...",
  signerTitle: "T/M BAN THƯỜNG VỤ",
  signerPosition: "BÍ THƯ",
  signerName: "",
  recipients: "- Như trên,\n- Lưu Văn phòng.",
};
