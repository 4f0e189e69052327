/** @jest-environment jsdom */
// The pane is drawn before the workbook service chunk has arrived (src/taskpane/index.tsx): its
// calls wait for the service, and a service that never comes shows as a failed read, with advice.
import { cleanup, screen } from "@testing-library/react";
import type { ChiTieuWorkbook } from "../../src/contract/workbook";
import { strings } from "../../src/i18n/allStrings";
import { deferredWorkbook } from "../../src/taskpane/deferredWorkbook";
import { createFakeWorkbook, SET_UP_STATUS } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";

afterEach(cleanup);

test("calls wait for the service, then reach it with their arguments", async () => {
  const fake = createFakeWorkbook(SET_UP_STATUS);
  let arrive: (workbook: ChiTieuWorkbook) => void = () => undefined;
  const workbook = deferredWorkbook(new Promise((resolve) => (arrive = resolve)));
  const selected = workbook.selectCell("Chỉ tiêu", "H9");
  const status = workbook.status();
  await Promise.resolve();
  expect(fake.selectCell).not.toHaveBeenCalled();
  arrive(fake as unknown as ChiTieuWorkbook);
  await selected;
  expect(fake.selectCell).toHaveBeenCalledWith("Chỉ tiêu", "H9");
  expect(await status).toEqual(SET_UP_STATUS);
});

test("the setup view is usable before the service arrives, and says so when it cannot load", async () => {
  let fail: (error: Error) => void = () => undefined;
  const workbook = deferredWorkbook(new Promise((_resolve, reject) => (fail = reject)));
  await renderPane("setup", { workbook: workbook as unknown as ReturnType<typeof createFakeWorkbook> });
  expect((screen.getByRole("button", { name: strings.vi.setupButton }) as HTMLButtonElement).disabled).toBe(false);
  fail(new Error("Loading chunk workbook failed."));
  await settle();
  expect(await screen.findByText(strings.vi.statusFailed)).toBeTruthy();
  expect(screen.getByText(strings.vi.adviceRetry, { exact: false })).toBeTruthy();
});
