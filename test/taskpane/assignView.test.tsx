/** @jest-environment jsdom */
// Giao chỉ tiêu over the fake workbook: the groups typed go to the service as the CLI's --group
// reads them (a line it cannot read is named, nothing asked), the check's problems are listed,
// and each unit's file is offered as a download under its own name, all of them as one .zip.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { unzipSync } from "fflate";
import { fill } from "../../src/i18n/fill";
import { strings } from "../../src/i18n/allStrings";
import { problem } from "../../src/layout/problems";
import { zipOfUnits } from "../../src/taskpane/views/AssignView";
import { ASSIGNMENT_REPORT, createFakeWorkbook } from "./fakeWorkbook";
import { renderPane, settle } from "./renderPane";
import { verbatim } from "../../src/domain/messages/localize";

const vi = strings.vi;
/** What the view handed to the browser as downloads: the name and the bytes of each. */
let downloads: { name: string; bytes: Promise<Uint8Array> }[] = [];

beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => undefined,
  });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href) as Blob;
    // jsdom's Blob has no arrayBuffer(): its FileReader reads it.
    const bytes = new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob);
    });
    downloads.push({ name: this.download, bytes });
  });
});

afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

test("the year and the groups typed reach the service, one group a line; a line it cannot read is named", async () => {
  const { workbook } = await renderPane("assign");
  fireEvent.change(screen.getByLabelText(vi.assignYearLabel), { target: { value: "2021" } });
  const groups = screen.getByLabelText(vi.assignGroupsLabel);
  fireEvent.change(groups, { target: { value: "Huyện, thành phố: Tam Đảo; Sông Lô\nkhông có dấu hai chấm" } });
  fireEvent.click(screen.getByRole("button", { name: vi.assignCreateButton }));
  await settle();
  expect(screen.getByText(fill(vi.assignGroupsInvalid, { line: 2 }))).toBeTruthy();
  expect(workbook.createAssignmentSheets).not.toHaveBeenCalled();

  // A unit in two groups (or twice in one), written in either case: named, nothing created.
  fireEvent.change(groups, { target: { value: "Huyện, thành phố: Tam Đảo; Sông Lô\nSở, ngành: Sở Nội vụ; tam đảo" } });
  fireEvent.click(screen.getByRole("button", { name: vi.assignCreateButton }));
  await settle();
  expect(screen.getByText(fill(vi.assignGroupsRepeated, { unit: "tam đảo" }))).toBeTruthy();
  expect(workbook.createAssignmentSheets).not.toHaveBeenCalled();

  fireEvent.change(groups, { target: { value: "Huyện, thành phố: Tam Đảo; Sông Lô\n\nSở, ngành: Sở Nội vụ" } });
  fireEvent.click(screen.getByRole("button", { name: vi.assignCreateButton }));
  await settle();
  expect(workbook.createAssignmentSheets).toHaveBeenCalledWith({
    year: 2021,
    groups: [
      { name: "Huyện, thành phố", units: ["Tam Đảo", "Sông Lô"] },
      { name: "Sở, ngành", units: ["Sở Nội vụ"] },
    ],
  });
  expect(screen.getByText('Đã tạo trang tính "Giao chỉ tiêu 1".')).toBeTruthy();
});

test("each unit's file downloads under the CLI's name; all of them as one .zip", async () => {
  const { workbook } = await renderPane("assign");
  fireEvent.click(screen.getByRole("button", { name: vi.assignButton }));
  await settle();
  expect(workbook.assignUnits).toHaveBeenCalledTimes(1);
  expect(workbook.assignUnits).toHaveBeenCalledWith("quarter");
  expect(screen.getByText(fill(vi.assignDone, { count: 2 }))).toBeTruthy();
  // The sum warning, with its cell, as a problem a click selects.
  expect(document.body.textContent).toContain("Giao chỉ tiêu 1!M7");

  fireEvent.click(screen.getByRole("button", { name: fill(vi.assignDownloadUnit, { file: "Sông Lô.xlsx" }) }));
  fireEvent.click(screen.getByRole("button", { name: vi.assignDownloadAll }));
  expect(downloads.map((d) => d.name)).toEqual(["Sông Lô.xlsx", "giao-chi-tieu.zip"]);
  expect([...(await downloads[0].bytes)]).toEqual([0x50, 0x4b, 2]);
  const zipped = unzipSync(await downloads[1].bytes);
  expect(Object.keys(zipped)).toEqual(["Tam Đảo.xlsx", "Sông Lô.xlsx"]);
  expect([...zipped["Tam Đảo.xlsx"]]).toEqual([0x50, 0x4b, 1]);
});

test("the units' follow-up sheet by month, when chosen", async () => {
  const { workbook } = await renderPane("assign");
  fireEvent.click(screen.getByRole("radio", { name: vi.followUpCadenceMonth }));
  fireEvent.click(screen.getByRole("button", { name: vi.assignButton }));
  await settle();
  expect(workbook.assignUnits).toHaveBeenCalledWith("month");
});

test("errors stop the assignment: their count, each with its cell, and no file offered", async () => {
  const workbook = createFakeWorkbook();
  workbook.assignUnits.mockResolvedValueOnce({
    units: [],
    problems: [problem("Giao chỉ tiêu 1", "O9", verbatim('đơn vị "Sông Lô" chưa có chỉ tiêu 1.3 (chỉ tiêu áp dụng cho tất cả đơn vị).'))],
  });
  await renderPane("assign", { workbook });
  fireEvent.click(screen.getByRole("button", { name: vi.assignButton }));
  await settle();
  expect(screen.getByText(fill(vi.assignStopped, { count: 1 }))).toBeTruthy();
  expect(document.body.textContent).toContain("Giao chỉ tiêu 1!O9");
  expect(screen.queryByRole("button", { name: vi.assignDownloadAll })).toBeNull();
});

test("the .zip holds each file stored as it is", () => {
  const zipped = unzipSync(zipOfUnits(ASSIGNMENT_REPORT.units));
  expect(Object.fromEntries(Object.entries(zipped).map(([name, bytes]) => [name, [...bytes]]))).toEqual({ "Tam Đảo.xlsx": [0x50, 0x4b, 1], "Sông Lô.xlsx": [0x50, 0x4b, 2] });
});
