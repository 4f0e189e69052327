// Both catalogues at once, for tests and tools that compare them; the pane loads English on demand.
import { en } from "./stringsEn";
import { stringsFor, type Language, type Strings } from "./strings";

export const strings: { readonly [L in Language]: Strings } = { vi: stringsFor("vi"), en };
