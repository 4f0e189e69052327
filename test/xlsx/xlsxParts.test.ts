import ExcelJS from "exceljs";
import { unitWorkbook } from "../../src/layout";
import { columnLetter } from "../../src/layout/addresses";
import { shiftFormula } from "../../src/layout/shiftFormula";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { xmlUnescape } from "../../src/xlsx/xmlText";
import { writeXlsx } from "../../src/xlsx/writeLayout";
import { excelJsCell, loadExcelJs } from "../support/excelJsCells";
import { buildZip, type ZipEntry } from "../support/zipBuilder";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook written by hand as Excel and LibreOffice write theirs: two sheets, names of both scopes, a table. */
function handMade(options: { sheet?: string; method?: 0 | 8; dataDescriptor?: boolean } = {}): Buffer {
  const parts: [string, string][] = [
    ["_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>` +
        `<sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/><sheet name="Q &amp; A" sheetId="2" r:id="rId2"/></sheets>` +
        `<definedNames><definedName name="TenDonVi">'Chỉ tiêu'!$B$1</definedName>` +
        `<definedName name="Nguong" localSheetId="1">'Q &amp; A'!$A$1</definedName>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="0">'Chỉ tiêu'!$A$1:$F$9</definedName></definedNames></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/q.xml"/>` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    [
      "xl/sharedStrings.xml",
      `<sst ${NS} count="4" uniqueCount="4"><si><t>Tăng</t></si>` +
        `<si><r><rPr><b/></rPr><t xml:space="preserve">Đạt </t></r><r><t>&amp; vượt</t></r></si>` +
        `<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>` +
        `<si><t>dòng 1_x000D_\ndòng 2 _x005F_x0041_</t></si></sst>`,
    ],
    [
      "xl/worksheets/sheet1.xml",
      `<worksheet ${NS}><sheetPr/><dimension ref="A1:F9"/><cols><col min="1" max="2" width="9"/></cols><sheetData>` +
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Tam </t></r><r><rPr><i/></rPr><t>Đảo &#8211; &#x1F600;</t></r></is></c>` +
        `<c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c><c r="F1" s="3"/></row>` +
        `<row r="2"><c r="A2"><v>1.5E-3</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c>` +
        `<c r="E2" t="str"><f>"x"&amp;"&lt;y&gt;"</f><v>x&lt;y&gt;</v></c><c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
        // Shared formulas: the master in C3, followers below and to the right.
        `<row r="3"><c r="A3"><v>10</v></c><c r="B3"><v>20</v></c>` +
        `<c r="C3"><f t="shared" ref="C3:D5" si="0">IF(A3="A1",$B$1&amp;A$3,SUM($A3:B3)+'Q &amp; A'!A1+COUNT(A:A)+LOG10(B3)+tblX[[#This Row],[Giá trị]])</f><v>31</v></c>` +
        `<c r="D3"><f t="shared" si="0"/><v>32</v></c></row>` +
        `<row r="4"><c r="A4"><v>11</v></c><c r="B4"><v>21</v></c><c r="C4"><f t="shared" si="0"/><v>33</v></c><c r="D4"><f t="shared" si="0"/></c></row>` +
        `<row r="5"><c r="C5"><f t="shared" si="0"/><v>0</v></c></row>` +
        // An array formula, whose other cells hold values only; cells and a row without r.
        `<row r="7"><c r="A7"><f t="array" ref="A7:A8">ROW(A1:A2)</f><v>1</v></c><c><v>7</v></c><c t="inlineStr"><is><t>ba</t></is></c></row>` +
        `<row><c r="A8"><v>2</v></c></row>` +
        `<row r="9" spans="1:6"/>` +
        `</sheetData><pageMargins left="0.7"/></worksheet>`,
    ],
    ["xl/worksheets/_rels/sheet1.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`],
    ["xl/tables/table1.xml", `<table ${NS} id="1" name="Table1" displayName="tblChiTieu" ref="A3:D5" totalsRowShown="0"><tableColumns count="4"/></table>`],
    ["xl/worksheets/q.xml", `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>0.2</v></c></row></sheetData></worksheet>`],
    ["xl/styles.xml", `<styleSheet ${NS}/>`],
  ];
  const entries: ZipEntry[] = parts.map(([name, content]) => ({ name, content, method: options.method, dataDescriptor: options.dataDescriptor }));
  return buildZip(entries);
}

describe("the narrow .xlsx reader on a hand-made workbook", () => {
  const book = openXlsx(handMade());
  const sheet = book.cells("Chỉ tiêu");
  const at = (address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return sheet?.cell(Number(m[2]) - 1, column);
  };

  test("sheets in tab order, through the rels (relative and absolute targets), names decoded", () => {
    expect(book.sheetNames).toEqual(["Chỉ tiêu", "Q & A"]);
    expect(book.cells("Q & A")?.cell(0, 0)).toEqual({ value: 0.2, formula: 0.2 });
    expect(book.cells("Không có")).toBeUndefined();
  });

  test("defined names with their scope", () => {
    expect(book.definedNames).toEqual([
      { name: "TenDonVi", localSheetId: null, refersTo: "'Chỉ tiêu'!$B$1" },
      { name: "Nguong", localSheetId: 1, refersTo: "'Q & A'!$A$1" },
      { name: "_xlnm.Print_Area", localSheetId: 0, refersTo: "'Chỉ tiêu'!$A$1:$F$9" },
    ]);
  });

  test("tables through each sheet's rels, by display name", () => {
    expect(book.tables).toEqual([{ name: "tblChiTieu", ref: "A3:D5", sheet: "Chỉ tiêu" }]);
  });

  test("strings: shared, rich-text runs joined, phonetic runs left out, inline, _xHHHH_ escapes, entities", () => {
    expect(at("A1")).toEqual({ value: "Tăng", formula: "Tăng" });
    expect(at("B1")?.value).toBe("Tam Đảo – 😀");
    expect(at("C1")?.value).toBe("Đạt & vượt");
    expect(at("D1")?.value).toBe("東京");
    expect(at("E1")?.value).toBe("dòng 1\r\ndòng 2 _x0041_");
    expect(at("F1")).toEqual({ value: "", formula: "" });
    expect(at("Z99")).toEqual({ value: "", formula: "" });
  });

  test("numbers, booleans, errors as their text, formula strings", () => {
    expect(at("A2")).toEqual({ value: 0.0015, formula: 0.0015 });
    expect(at("B2")?.value).toBe(true);
    expect(at("C2")?.value).toBe(false);
    expect(at("D2")).toEqual({ value: "#N/A", formula: "#N/A" });
    expect(at("E2")).toEqual({ value: "x<y>", formula: '="x"&"<y>"' });
    expect(at("F2")).toEqual({ value: "#DIV/0!", formula: "=1/0" });
  });

  test("shared formulas: followers moved from the master, $ parts kept, text, sheet names and structured references untouched", () => {
    const master = `IF(A3="A1",$B$1&A$3,SUM($A3:B3)+'Q & A'!A1+COUNT(A:A)+LOG10(B3)+tblX[[#This Row],[Giá trị]])`;
    expect(at("C3")).toEqual({ value: 31, formula: `=${master}` });
    expect(at("D3")?.formula).toBe(`=IF(B3="A1",$B$1&B$3,SUM($A3:C3)+'Q & A'!B1+COUNT(B:B)+LOG10(C3)+tblX[[#This Row],[Giá trị]])`);
    expect(at("C4")?.formula).toBe(`=IF(A4="A1",$B$1&A$3,SUM($A4:B4)+'Q & A'!A2+COUNT(A:A)+LOG10(B4)+tblX[[#This Row],[Giá trị]])`);
    expect(at("D4")).toEqual({ value: "", formula: `=IF(B4="A1",$B$1&B$3,SUM($A4:C4)+'Q & A'!B2+COUNT(B:B)+LOG10(C4)+tblX[[#This Row],[Giá trị]])` });
    expect(at("C5")?.value).toBe(0);
  });

  test("an array formula in its first cell; cells and rows without r follow the previous ones", () => {
    expect(at("A7")).toEqual({ value: 1, formula: "=ROW(A1:A2)" });
    expect(at("B7")).toEqual({ value: 7, formula: 7 });
    expect(at("C7")?.value).toBe("ba");
    expect(at("A8")).toEqual({ value: 2, formula: 2 });
  });

  test("stored parts and parts written with a data descriptor read the same", () => {
    for (const options of [{ method: 0 as const }, { dataDescriptor: true }]) {
      const other = openXlsx(handMade(options));
      expect(other.sheetNames).toEqual(book.sheetNames);
      expect(other.cells("Chỉ tiêu")?.cell(2, 3)).toEqual(at("D3"));
    }
  });

  test("a zip that is not a workbook is refused, naming the missing part", () => {
    expect(() => openXlsx(buildZip([{ name: "a.txt", content: "x" }]))).toThrow("thiếu phần xl/workbook.xml");
  });
});

describe("shiftFormula moves references as Excel fills a formula", () => {
  test.each([
    ["A1+B2", 1, 1, "B2+C3"],
    ["$A$1+$A1+A$1", 2, 3, "$A$1+$A3+D$1"],
    ["SUM(A1:B2)", 1, 0, "SUM(A2:B3)"],
    ["SUM(A:B)+SUM(1:2)+SUM($A:$A)", 1, 1, "SUM(B:C)+SUM(2:3)+SUM($A:$A)"],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ['"say ""A1"""&A1', 1, 0, '"say ""A1"""&A2'],
    ["'Sheet 1'!A1+Sheet2!B2", 1, 0, "'Sheet 1'!A2+Sheet2!B3"],
    ["LOG10(A1)+ATAN2(A1,B1)+DAYS360(A1,B1)", 1, 0, "LOG10(A2)+ATAN2(A2,B2)+DAYS360(A2,B2)"],
    ["TongDiem+NguongXuatSac*1.5E3", 1, 1, "TongDiem+NguongXuatSac*1.5E3"],
    ["tblChiTieu[@[Tỷ lệ đạt]]+A1", 1, 0, "tblChiTieu[@[Tỷ lệ đạt]]+A2"],
    ["ĐA1+A1", 1, 0, "ĐA1+A2"],
    ["A1-1", -1, 0, "#REF!-1"],
    ["XFD1", 0, 1, "#REF!"],
    ["IF(TRUE,A1,B1)", 0, 0, "IF(TRUE,A1,B1)"],
  ])("%s moved %i rows, %i columns", (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });
});

describe("xmlUnescape", () => {
  test("named and numeric entities, each decoded once", () => {
    expect(xmlUnescape("&lt;a&gt; &quot;b&quot; &apos;c&apos; &amp;amp; &#233;&#xE9; &#38;lt;")).toBe(`<a> "b" 'c' &amp; éé &lt;`);
    expect(xmlUnescape("a & b; &nope; &#;")).toBe("a & b; &nope; &#;");
  });
});

describe("the narrow reader matches ExcelJS on a workbook written by the .xlsx writer", () => {
  test("every cell of every sheet: value and formula", async () => {
    const data = Buffer.from(await writeXlsx(unitWorkbook({ unitName: "Tam Đảo", head: "Nguyễn Văn A", year: 2025 })));
    const book = openXlsx(data);
    const wb = await loadExcelJs(data);
    expect(book.sheetNames).toEqual(wb.worksheets.map((ws) => ws.name));
    let compared = 0;
    for (const ws of wb.worksheets) {
      const cells = book.cells(ws.name);
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const at = `${ws.name}!${columnLetter(c - 1)}${r}`;
          // ExcelJS repeats a merged area's value in its other cells; Office.js, like the reader, gives "" there.
          const expected = cell.type === ExcelJS.ValueType.Merge ? { value: "", formula: "" } : excelJsCell(cell);
          expect({ at, ...cells?.cell(r - 1, c - 1) }).toEqual({ at, ...expected });
          compared += 1;
        }),
      );
    }
    expect(compared).toBeGreaterThan(500);
    expect(book.tables.map((t) => [t.name, t.sheet, t.ref])).toEqual(
      wb.worksheets.flatMap((ws) => ws.getTables().map((t) => {
        const model = (t as unknown as { model: { name: string; tableRef: string } }).model;
        return [model.name, ws.name, model.tableRef];
      })),
    );
  });
});
