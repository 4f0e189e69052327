// A titled block of a view: one heading level below the view, so screen readers can jump between.
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

export function Section(props: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Text as="h2" id={id} size={400} weight="semibold" className={styles.heading}>
        {props.title}
      </Text>
      {props.children}
    </section>
  );
}

export const useFormStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  /** A status badge keeps its text on one line and its width beside a long text (Fluent's badge is 20 px tall). */
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
});
