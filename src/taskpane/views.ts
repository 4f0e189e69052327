// The pane's views, in workflow order; views/renderView.tsx fills the panel region (VIEW_PANEL_ID).
import type { StringKey } from "../i18n/strings";

export const VIEWS = ["setup", "assign", "followUp", "check", "evaluate", "rating", "print", "consolidate", "tasks", "settings"] as const;

export type ViewId = (typeof VIEWS)[number];

export const VIEW_LABEL: { readonly [V in ViewId]: StringKey } = {
  setup: "viewSetup",
  assign: "viewAssign",
  followUp: "viewFollowUp",
  check: "viewCheck",
  evaluate: "viewEvaluate",
  rating: "viewRating",
  print: "viewPrint",
  tasks: "viewTasks",
  consolidate: "viewConsolidate",
  settings: "viewSettings",
};

/** id of the region that shows the selected view. */
export const VIEW_PANEL_ID = "chitieu-view";

export function tabId(view: ViewId): string {
  return `chitieu-tab-${view}`;
}
