// The pane fetches its English catalogue as a chunk when English is chosen; tests render either
// language synchronously, so it is loaded before each test file.
import { loadStrings } from "../../src/i18n/strings";

beforeAll(() => loadStrings("en"));
