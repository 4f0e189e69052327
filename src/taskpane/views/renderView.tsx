// The panel content for each tab of the shell (App's renderView). The setup view, the first one
// shown, is in the pane's first script; the others are loaded when their tab is first opened
// (or shortly after start-up, see preloadViews), each in its own chunk.
import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { useStrings } from "../../i18n/LanguageProvider";
import type { ViewId } from "../views";
import { SetupView } from "./SetupView";

const LOADERS = {
  assign: () => import(/* webpackChunkName: "view-assign" */ "./AssignView").then((m) => ({ default: m.AssignView })),
  followUp: () => import(/* webpackChunkName: "view-follow-up" */ "./FollowUpView").then((m) => ({ default: m.FollowUpView })),
  check: () => import(/* webpackChunkName: "view-check" */ "./CheckView").then((m) => ({ default: m.CheckView })),
  evaluate: () => import(/* webpackChunkName: "view-evaluate" */ "./EvaluateView").then((m) => ({ default: m.EvaluateView })),
  rating: () => import(/* webpackChunkName: "view-rating" */ "./RatingView").then((m) => ({ default: m.RatingView })),
  print: () => import(/* webpackChunkName: "view-print" */ "./PrintView").then((m) => ({ default: m.PrintView })),
  settings: () => import(/* webpackChunkName: "view-settings" */ "./SettingsView").then((m) => ({ default: m.SettingsView })),
  tasks: () => import(/* webpackChunkName: "view-tasks" */ "./TasksView").then((m) => ({ default: m.TasksView })),
  consolidate: () => import(/* webpackChunkName: "view-consolidate" */ "./ConsolidateView").then((m) => ({ default: m.ConsolidateView })),
} satisfies { readonly [V in Exclude<ViewId, "setup">]: () => Promise<{ default: ComponentType }> };

const VIEW_COMPONENTS: { readonly [V in ViewId]: ComponentType } = {
  setup: SetupView,
  assign: lazy(LOADERS.assign),
  followUp: lazy(LOADERS.followUp),
  check: lazy(LOADERS.check),
  evaluate: lazy(LOADERS.evaluate),
  rating: lazy(LOADERS.rating),
  print: lazy(LOADERS.print),
  settings: lazy(LOADERS.settings),
  tasks: lazy(LOADERS.tasks),
  consolidate: lazy(LOADERS.consolidate),
};

/** Fetches the other views' chunks in the background, so a tab opens without waiting. */
export function preloadViews(): void {
  for (const load of Object.values(LOADERS)) void load().catch(() => undefined);
}

function Loading() {
  const s = useStrings();
  return <Spinner size="small" label={s.loading} />;
}

export function renderView(view: ViewId): ReactNode {
  const View = VIEW_COMPONENTS[view];
  return (
    // One boundary per view: leaving a view unmounts it at once, even while the next one loads.
    <Suspense key={view} fallback={<Loading />}>
      <View />
    </Suspense>
  );
}
