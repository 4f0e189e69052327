// Problems found in the workbook. An item tied to a cell is an action: click it, or focus it with
// Tab/arrow keys and press Enter or Space, and Excel selects that cell. A plain list with Fluent's
// arrow-key navigation rather than Fluent's List: the pane's first view shows this list, and List
// would put its whole package in the pane's initial script (bench/README.md, start-up budget).
import type { KeyboardEvent } from "react";
import { Badge, makeStyles, mergeClasses, Text, tokens, useArrowNavigationGroup } from "@fluentui/react-components";
import type { Problem } from "../../contract/workbook";
import { useRender, useStrings } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import { useWorkbook } from "../WorkbookContext";
import { ServiceError } from "./ServiceError";
import { useFormStyles } from "./Section";
import { useServiceCall } from "./useServiceCall";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, padding: 0, margin: 0, listStyleType: "none" },
  item: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
  },
  actionable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  place: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
});

export function problemPlace(problem: Problem): string {
  return problem.cell === null ? problem.sheet : `${problem.sheet}!${problem.cell}`;
}

export function ProblemList(props: { problems: readonly Problem[]; label: string }) {
  const s = useStrings();
  const say = useRender();
  const styles = useStyles();
  const formStyles = useFormStyles();
  const workbook = useWorkbook();
  const select = useServiceCall((sheet: string, cell: string) => workbook.selectCell(sheet, cell));
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });

  return (
    <>
      <ul aria-label={props.label} className={styles.list} {...arrows}>
        {props.problems.map((problem, index) => {
          const { cell } = problem;
          const severity = problem.severity === "error" ? s.severityError : s.severityWarning;
          const act = cell === null ? undefined : () => void select.run(problem.sheet, cell);
          const onKeyDown = (event: KeyboardEvent) => {
            if (act === undefined || (event.key !== "Enter" && event.key !== " ")) return;
            event.preventDefault();
            act();
          };
          return (
            <li
              key={`${problemPlace(problem)}:${index}`}
              tabIndex={0}
              className={mergeClasses(styles.item, cell !== null && styles.actionable)}
              aria-label={fill(cell === null ? s.problemItem : s.problemItemWithCell, {
                severity,
                place: problemPlace(problem),
                message: say(problem),
              })}
              onClick={act}
              onKeyDown={onKeyDown}
            >
              <Badge appearance="tint" color={problem.severity === "error" ? "danger" : "warning"} className={formStyles.badge}>
                {severity}
              </Badge>
              <Text>
                <span className={styles.place}>{problemPlace(problem)}</span> {say(problem)}
              </Text>
            </li>
          );
        })}
      </ul>
      <ServiceError error={select.error} title={s.selectCellFailed} />
    </>
  );
}
