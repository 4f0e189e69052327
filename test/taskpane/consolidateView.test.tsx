/** @jest-environment jsdom */
// Tổng hợp over the fake workbook: the picked files' bytes and the committee's choices reach the
// service as they are, the report is shown (consolidated count, each rejected file with its
// reason, the quota per kind), copying unit sheets is offered only where Excel can, and a long
// read shows its progress.
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { consolidateMsg } from "../../src/domain/messages/consolidateFiles";
import { strings } from "../../src/i18n/allStrings";
import { problem } from "../../src/layout/problems";
import { fill } from "../../src/i18n/fill";
import { CONSOLIDATION_REPORT, createFakeWorkbook, SET_UP_STATUS, ALL_FEATURES } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";
import { render } from "../../src/domain/messages/localize";
import { consolidate, consolidationResult, UNIT_KIND_NAMES, type UnitSummary } from "../../src/domain";
import { asMessage, verbatim } from "../../src/domain/messages/localize";

/** A unit's file as read, with no indicators: enough for the quota's groups. */
const SUMMARY: UnitSummary = {
  file: "a.xlsx", sheet: "Chỉ tiêu", modified: "2025-12-20T03:00:00.000Z", unit: "A", kind: "commune", year: 2025, indicators: [],
  points: 80, level: "good", provisional: false, finalLevel: null, quota: { share: 0.2, shareExceptional: 0.25, base: "good" },
};

afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const vi = strings.vi;
const file = (name: string, bytes: number[], lastModified = 1_766_000_000_000) => new File([new Uint8Array(bytes)], name, { lastModified });

function pick(files: File[], label = vi.consolidateFilesLabel) {
  fireEvent.change(screen.getByLabelText(label), { target: { files } });
}

test("the files' bytes, names and times and the exceptional kinds go to the service; the report is shown", async () => {
  const { workbook } = await renderPane("consolidate");
  const button = screen.getByRole("button", { name: vi.consolidateButton });
  expect(button).toHaveProperty("disabled", true);
  pick([file("01-an-hoa.xlsx", [1, 2, 3]), file("04-nam-khac.xlsx", [4, 5])]);
  expect(screen.getByText(fill(vi.consolidateFilesChosen, { count: 2 }))).toBeTruthy();
  fireEvent.click(screen.getByRole("checkbox", { name: vi.unitKindDepartment }));
  fireEvent.click(button);
  await settle();
  await settle();

  expect(workbook.consolidateFiles).toHaveBeenCalledTimes(1);
  const [files, options] = workbook.consolidateFiles.mock.calls[0];
  expect(files.map((f) => [f.name, [...f.bytes], f.lastModified])).toEqual([
    ["01-an-hoa.xlsx", [1, 2, 3], 1_766_000_000_000],
    ["04-nam-khac.xlsx", [4, 5], 1_766_000_000_000],
  ]);
  expect(options).toMatchObject({ exceptionalKinds: ["department"], insertUnitSheets: false });
  expect(options.previousFiles).toBeUndefined();

  expect(screen.getByText(fill(vi.consolidateDone, { count: 3, files: 3 }))).toBeTruthy();
  expect(screen.getByRole("heading", { name: fill(vi.consolidateRejectedTitle, { count: 2 }) })).toBeTruthy();
  for (const r of CONSOLIDATION_REPORT.rejected) expect(screen.getByText(`${r.file}: ${render(r.reason, "vi")}`)).toBeTruthy();
  const commune = fill(vi.consolidateQuotaItem, { kind: vi.unitKindCommune, allowed: 0, base: 2, excellent: 1 });
  expect(screen.getByText((_, e) => e?.tagName === "LI" && e.textContent === `${commune} ${vi.consolidateQuotaOver}`)).toBeTruthy();
  const department = fill(vi.consolidateQuotaItem, { kind: vi.unitKindDepartment, allowed: 0, base: 1, excellent: 0 });
  expect(screen.getByText((_, e) => e?.tagName === "LI" && e.textContent === department)).toBeTruthy();
});

test("last year's files go to the service as previousFiles, and only when picked", async () => {
  const { workbook } = await renderPane("consolidate");
  pick([file("01-an-hoa.xlsx", [1, 2, 3])]);
  const previous = screen.getByLabelText(vi.consolidatePreviousLabel);
  expect(previous.getAttribute("aria-describedby")).toBeTruthy();
  expect(screen.getByText(vi.consolidatePreviousHint)).toBeTruthy();
  fireEvent.change(previous, { target: { files: [file("an-hoa-2020.xlsx", [9, 8], 1_700_000_000_000)] } });
  expect(screen.getByText(fill(vi.consolidatePreviousChosen, { count: 1 }))).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: vi.consolidateButton }));
  await settle();
  await settle();
  const [files, options] = workbook.consolidateFiles.mock.calls[0];
  expect(files.map((f) => f.name)).toEqual(["01-an-hoa.xlsx"]);
  expect(options.previousFiles?.map((f) => [f.name, [...f.bytes], f.lastModified])).toEqual([["an-hoa-2020.xlsx", [9, 8], 1_700_000_000_000]]);
});

test("a refusal to overwrite a sheet is shown with nothing written; no usable file says so", async () => {
  const workbook = createFakeWorkbook();
  workbook.consolidateFiles.mockResolvedValueOnce({
    ...CONSOLIDATION_REPORT,
    wrote: false,
    problems: [problem("So sánh", null, consolidateMsg.notOurs.of("So sánh"))],
  });
  workbook.consolidateFiles.mockResolvedValueOnce({ units: [], rejected: CONSOLIDATION_REPORT.rejected, quota: [], groups: [], totals: [], problems: [], wrote: false, insertedSheets: [] });
  await renderPane("consolidate", { workbook });
  pick([file("a.xlsx", [1])]);
  fireEvent.click(screen.getByRole("button", { name: vi.consolidateButton }));
  await settle();
  await settle();
  expect(screen.getByText(vi.consolidateNotWritten)).toBeTruthy();
  expect(document.body.textContent).toContain(consolidateMsg.notOurs("So sánh"));
  fireEvent.click(screen.getByRole("button", { name: vi.consolidateButton }));
  await settle();
  await settle();
  expect(screen.getByText(vi.consolidateNoneUsable)).toBeTruthy();
});

test("copying unit sheets is offered only with ExcelApi 1.13", async () => {
  await renderPane("consolidate");
  expect(screen.getByRole("checkbox", { name: vi.consolidateInsertSheets })).toHaveProperty("disabled", true);
  expect(screen.getByText(vi.consolidateInsertSheetsUnavailable)).toBeTruthy();
  cleanup();

  const workbook = createFakeWorkbook({ ...SET_UP_STATUS, features: { ...ALL_FEATURES, insertWorksheets: true } });
  await renderPane("consolidate", { workbook });
  const insert = screen.getByRole("checkbox", { name: vi.consolidateInsertSheets });
  expect(insert).toHaveProperty("disabled", false);
  expect(screen.queryByText(vi.consolidateInsertSheetsUnavailable)).toBeNull();
  fireEvent.click(insert);
  pick([file("a.xlsx", [1])]);
  fireEvent.click(screen.getByRole("button", { name: vi.consolidateButton }));
  await waitFor(() => expect(workbook.consolidateFiles).toHaveBeenCalled());
  expect(workbook.consolidateFiles.mock.calls[0][1]).toMatchObject({ insertUnitSheets: true });
});

test("a read that lasts more than a second shows which file it is on", async () => {
  jest.useFakeTimers();
  const workbook = createFakeWorkbook();
  let finish: () => void = () => undefined;
  workbook.consolidateFiles.mockImplementationOnce(
    (_, options) =>
      new Promise((resolve) => {
        options.onProgress?.(2, 10);
        finish = () => resolve(CONSOLIDATION_REPORT);
      }),
  );
  await renderPane("consolidate", { workbook });
  pick([file("a.xlsx", [1])]);
  fireEvent.click(screen.getByRole("button", { name: vi.consolidateButton }));
  await settle();
  expect(screen.queryByRole("progressbar")).toBeNull();
  await act(async () => {
    jest.advanceTimersByTime(1_100);
  });
  expect(screen.getByRole("progressbar")).toBeTruthy();
  expect(screen.getByText(fill(vi.consolidateReading, { done: 3, total: 10 }))).toBeTruthy();
  await act(async () => finish());
  await settle();
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(screen.getByText(fill(vi.consolidateDone, { count: 3, files: 3 }))).toBeTruthy();
});

test("a tie at the quota's cut is said in the report, not left to the sheet", async () => {
  const { workbook } = await renderPane("consolidate");
  workbook.consolidateFiles.mockResolvedValueOnce({
    ...CONSOLIDATION_REPORT,
    quota: [{ kind: "commune", base: 5, allowed: 1, excellent: 2, tieAtCut: true }],
  });
  pick([file("01-an-hoa.xlsx", [1, 2, 3])]);
  fireEvent.click(screen.getByRole("button", { name: vi.consolidateButton }));
  await settle();
  await settle();
  const commune = fill(vi.consolidateQuotaItem, { kind: vi.unitKindCommune, allowed: 1, base: 5, excellent: 2 });
  expect(screen.getByText((_, e) => e?.tagName === "LI" && e.textContent === `${commune} ${vi.consolidateQuotaOver} ${vi.consolidateQuotaTie}`)).toBeTruthy();
});

test("the quota names each group as the province does, the kind's name when its files carry none", async () => {
  const { workbook } = await renderPane("consolidate");
  workbook.consolidateFiles.mockResolvedValueOnce({
    ...CONSOLIDATION_REPORT,
    quota: [
      { kind: "department", base: 6, allowed: 1, excellent: 1, tieAtCut: false },
      { kind: "commune", base: 5, allowed: 1, excellent: 0, tieAtCut: false },
    ],
    groups: [
      { group: "department", name: "Giám đốc sở", label: verbatim("Giám đốc sở"), indicators: ["1.1"], units: ["Sở Tài chính"], quota: null },
      { group: "commune", name: UNIT_KIND_NAMES.commune, label: asMessage(UNIT_KIND_NAMES.commune), indicators: ["1.1"], units: ["An Hòa"], quota: null },
    ],
  });
  pick([file("01-an-hoa.xlsx", [1, 2, 3])]);
  fireEvent.click(screen.getByRole("button", { name: vi.consolidateButton }));
  await settle();
  await settle();
  expect(screen.getByText(fill(vi.consolidateQuotaItem, { kind: "Giám đốc sở", allowed: 1, base: 6, excellent: 1 }))).toBeTruthy();
  expect(screen.getByText(fill(vi.consolidateQuotaItem, { kind: vi.unitKindCommune, allowed: 1, base: 5, excellent: 0 }))).toBeTruthy();
});

test("in English, the province's words stay as typed and the kinds' names are English, also after a shared name", async () => {
  const { workbook } = await renderPane("consolidate", { language: "en" });
  // As consolidation labels them: a department group and a mass-organisation group that the province named alike.
  const c = consolidate(
    [
      { ...SUMMARY, unit: "Sở Tài chính", kind: "department", groupName: "Khối cơ quan tỉnh" },
      { ...SUMMARY, unit: "Hội Nông dân", kind: "massOrganisation", groupName: "Khối cơ quan tỉnh" },
      { ...SUMMARY, unit: "An Hòa", kind: "commune" },
    ],
    [],
  );
  const en = strings.en;
  workbook.consolidateFiles.mockResolvedValueOnce({ ...CONSOLIDATION_REPORT, ...consolidationResult(c) });
  pick([file("01-an-hoa.xlsx", [1, 2, 3])], en.consolidateFilesLabel);
  fireEvent.click(screen.getByRole("button", { name: en.consolidateButton }));
  await settle();
  await settle();
  const items = screen.getAllByRole("listitem").map((li) => li.textContent ?? "");
  for (const kind of ["Khối cơ quan tỉnh (department, board, agency)", "Khối cơ quan tỉnh (mass organisation)", "commune, ward"]) {
    expect(items.filter((item) => item.startsWith(`${kind}: `))).toHaveLength(1);
  }
  expect(items.join(" ")).not.toMatch(/sở, ban, ngành|đoàn thể|xã, phường/);
});
