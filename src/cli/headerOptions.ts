import type { DocumentHeader } from "../layout/schema";

/**
 * The printed header's options, the same for every command that prints a document
 * (`workbook`, `consolidate`; docs/developer-guide.md, "The printed document"). No layout code here: `consolidate` must not load ExcelJS.
 */

/** Command-line options of the printed header, by the DocumentHeader field they fill. */
export const HEADER_OPTIONS: Readonly<Record<string, keyof DocumentHeader>> = {
  "--superior-body": "superiorBody",
  "--issuing-body": "issuingBody",
  "--number": "number",
  "--place-date": "placeDate",
  "--signer-title": "signerTitle",
  "--signer-position": "signerPosition",
  "--signer-name": "signerName",
  "--recipients": "recipients",
};

/** The header fields given on the command line; `take` returns an option's value. */
export function headerOptions(take: (name: string) => string | undefined): Partial<DocumentHeader> {
  return Object.fromEntries(
    Object.entries(HEADER_OPTIONS).flatMap(([option, field]) => {
      const text = take(option);
      // Nơi nhận holds several lines: typed as real line breaks, or as \n where a shell has none.
      return text === undefined ? [] : [[field, field === "recipients" ? text.replace(/\\n/g, "\n") : text]];
    }),
  );
}
