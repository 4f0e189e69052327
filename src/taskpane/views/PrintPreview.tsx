// The year-end table's header block, number line, title, signature block and Nơi nhận as they will print (Hướng dẫn 36-HD/VPTW, docs/developer-guide.md, "The printed document"),
// drawn small so the user sees their words in place before printing.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { PARTY_NAME, type DocumentHeader } from "../../layout/schema";

const useStyles = makeStyles({
  page: {
    fontFamily: "'Times New Roman', Times, serif",
    fontSize: "9px",
    lineHeight: 1.35,
    color: "#000",
    backgroundColor: "#fff",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalM,
  },
  header: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS, textAlign: "center" },
  caps: { textTransform: "uppercase", margin: 0 },
  bold: { fontWeight: "bold" },
  party: { fontWeight: "bold", fontSize: "10px", textTransform: "uppercase", margin: 0, textDecoration: "underline" },
  placeDate: { fontStyle: "italic", margin: 0, marginTop: "4px" },
  title: { fontWeight: "bold", fontSize: "10.5px", textAlign: "center", textTransform: "uppercase", margin: "10px 0" },
  rows: { borderTop: "1px dashed #888", borderBottom: "1px dashed #888", height: "18px" },
  line: { margin: 0, whiteSpace: "pre-line" },
  footer: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS, marginTop: "8px" },
  recipients: { textAlign: "left" },
  recipientsLabel: { fontWeight: "bold", fontStyle: "italic", margin: 0 },
  signature: { textAlign: "center" },
  signerName: { fontWeight: "bold", margin: 0, marginTop: "18px" },
});

export function PrintPreview(props: { header: DocumentHeader; title: string; label: string }) {
  const styles = useStyles();
  const { header } = props;
  return (
    <figure className={styles.page} aria-label={props.label} lang="vi" style={{ margin: 0 }}>
      <div className={styles.header}>
        <div>
          <p className={styles.caps}>{header.superiorBody}</p>
          <p className={mergeClasses(styles.caps, styles.bold)}>{header.issuingBody}</p>
          <p className={styles.caps}>*</p>
          <p className={styles.line}>Số {header.number}</p>
        </div>
        <div>
          <p className={styles.party}>{PARTY_NAME}</p>
          <p className={styles.placeDate}>{header.placeDate}</p>
        </div>
      </div>
      <p className={styles.title}>{props.title}</p>
      <div className={styles.rows} aria-hidden="true" />
      <div className={styles.footer}>
        <div className={styles.recipients}>
          <p className={styles.recipientsLabel}>Nơi nhận:</p>
          <p className={styles.line}>{header.recipients}</p>
        </div>
        <div className={styles.signature}>
          <p className={mergeClasses(styles.caps, styles.bold)}>{header.signerTitle}</p>
          <p className={styles.caps}>{header.signerPosition}</p>
          <p className={styles.signerName}>{header.signerName}</p>
        </div>
      </div>
    </figure>
  );
}
