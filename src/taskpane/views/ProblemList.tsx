// Problems found in the workbook. An item tied to a cell is an action: click it, or focus it with
// Tab/arrow keys and press Enter, and Excel selects that cell.
import { Badge, List, ListItem, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { Problem } from "../../contract/workbook";
import { useRender, useStrings } from "../../i18n/LanguageProvider";
import { fill } from "../../i18n/fill";
import { useWorkbook } from "../WorkbookContext";
import { ServiceError } from "./ServiceError";
import { useFormStyles } from "./Section";
import { useServiceCall } from "./useServiceCall";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, padding: 0, margin: 0 },
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

  return (
    <>
      <List navigationMode="items" aria-label={props.label} className={styles.list}>
        {props.problems.map((problem, index) => {
          const { cell } = problem;
          const severity = problem.severity === "error" ? s.severityError : s.severityWarning;
          return (
            <ListItem
              key={`${problemPlace(problem)}:${index}`}
              value={index}
              className={mergeClasses(styles.item, cell !== null && styles.actionable)}
              aria-label={fill(cell === null ? s.problemItem : s.problemItemWithCell, {
                severity,
                place: problemPlace(problem),
                message: say(problem),
              })}
              onAction={cell === null ? undefined : () => void select.run(problem.sheet, cell)}
            >
              <Badge appearance="tint" color={problem.severity === "error" ? "danger" : "warning"} className={formStyles.badge}>
                {severity}
              </Badge>
              <Text>
                <span className={styles.place}>{problemPlace(problem)}</span> {say(problem)}
              </Text>
            </ListItem>
          );
        })}
      </List>
      <ServiceError error={select.error} title={s.selectCellFailed} />
    </>
  );
}
