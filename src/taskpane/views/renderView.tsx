// The panel content for each tab of the shell (App's renderView).
import type { ReactNode } from "react";
import type { ViewId } from "../views";
import { CheckView } from "./CheckView";
import { EvaluateView } from "./EvaluateView";
import { PrintView } from "./PrintView";
import { RatingView } from "./RatingView";
import { SettingsView } from "./SettingsView";
import { SetupView } from "./SetupView";

const VIEW_COMPONENTS: { readonly [V in ViewId]: () => ReactNode } = {
  setup: SetupView,
  check: CheckView,
  evaluate: EvaluateView,
  rating: RatingView,
  print: PrintView,
  settings: SettingsView,
};

export function renderView(view: ViewId): ReactNode {
  const View = VIEW_COMPONENTS[view];
  return <View />;
}
