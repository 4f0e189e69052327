import { assess } from "../../src/domain/achievement";
import { round4 } from "../../src/domain/rounding";
import { readXlsxWorkbook, type UnitWorkbookRead } from "../../src/xlsx/workbookCells";
import { openXlsx } from "../../src/xlsx/xlsxParts";
import { openXlsxPortable } from "../../src/xlsx/xlsxPackage";
import { sharedStrings } from "../../src/xlsx/sheetCells";
import { runsText } from "../../src/xlsx/xmlText";
import { cellXml, editedUnit, measured, partsOf, rezip, SHARED_STRINGS, UNIT_SHEET, UNIT_TABLE, unitBytes, WORKBOOK } from "../support/hostileFiles";

/**
 * The narrow reader under hostile and careless input (issue 18 §2–4, §7): every case is read or
 * refused with a message within a time and a memory bound, and what is read is what Excel shows.
 */
const SECONDS = 5;
const PEAK_MB = 300;
const MANY = 400_000;

async function bounded<T>(run: () => T | Promise<T>, seconds = SECONDS, megabytes = PEAK_MB): Promise<T | Error> {
  const { result, ms, peakMB } = await measured(run);
  expect(ms).toBeLessThan(seconds * 1000);
  expect(peakMB).toBeLessThan(megabytes);
  return result;
}

const readUnit = (bytes: Uint8Array) => readXlsxWorkbook(openXlsx(bytes));

let baseline: UnitWorkbookRead;
beforeAll(async () => {
  baseline = readUnit(await unitBytes());
});

describe("every parse is linear: a closing tag that never comes is a damaged part, found at once", () => {
  test.each([
    ["<si>", SHARED_STRINGS, (xml: string) => xml.replace("</sst>", "<si>".repeat(MANY) + "</sst>"), "<si>"],
    ["<rPh>", SHARED_STRINGS, (xml: string) => xml.replace("</si>", "<rPh>".repeat(MANY) + "</si>"), "<rPh>"],
    ["<t>", SHARED_STRINGS, (xml: string) => xml.replace("</si>", "<t>".repeat(MANY) + "</si>"), "<t>"],
  ])("%s repeated 400,000 times", async (_name, part, edit, tag) => {
    const file = await editedUnit(part, edit);
    const result = await bounded(() => readUnit(file));
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toContain(`thẻ ${tag} không được đóng`);
  });

  test("tags without their '>' and attributes without their closing quote", async () => {
    const file = await editedUnit(WORKBOOK, (xml) => xml.replace("</sheets>", `<sheet name="a ${'x="'.repeat(MANY)}"/>` + "</sheets>" + "<sheet ".repeat(MANY)));
    await bounded(() => readUnit(file));
    expect(await bounded(() => sharedStrings(`<sst>${"<si><t>a</t></si>".repeat(MANY / 4)}</sst>`).length)).toBe(MANY / 4);
    expect(await bounded(() => runsText(`<r><t>a</t></r>`.repeat(MANY / 4)).length)).toBe(MANY / 4);
  });

  // 460,000 cells: a few seconds on an idle core, up to 20 s on the shared 2-core test machine.
  test("a 25 MB worksheet part is read in seconds", async () => {
    const rows = Array.from({ length: 230_000 }, (_, i) => `<row r="${i + 100}"><c r="A${i + 100}" s="1"/><c r="M${i + 100}"><v>${i}</v></c></row>`).join("");
    const file = await editedUnit(UNIT_SHEET, (xml) => xml.replace("</sheetData>", `${rows}</sheetData>`));
    const read = await bounded(() => readUnit(file), 40, 700);
    expect((read as UnitWorkbookRead).evaluation).toEqual(baseline.evaluation);
  });
});

const BOOK_RELS = "xl/_rels/workbook.xml.rels";
const SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels";
const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const BILLION_LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("") +
  "]>";

/**
 * The small parts (workbook, relationships, tables) are read by an XML parser (src/xlsx/xmlPart.ts):
 * what is well-formed reads as Excel reads it, whatever its prefixes, quotes, comments or BOM; what
 * is not is refused naming the part, within the same time and memory bounds.
 */
describe("the small parts are read as XML, or refused naming the part", () => {
  const refused = async (part: string, edit: (xml: string) => string, ...said: string[]) => {
    const file = await editedUnit(part, edit);
    const result = await bounded(() => readUnit(file));
    expect(result).toBeInstanceOf(Error);
    for (const text of [`phần ${part} của tệp`, ...said]) expect((result as Error).message).toContain(text);
  };
  const readsAsTheUnit = async (part: string, edit: (xml: string) => string) => {
    const file = await editedUnit(part, edit);
    expect(partsOf(file).get(part)).not.toBe(partsOf(await unitBytes()).get(part));
    const read = (await bounded(() => readUnit(file))) as UnitWorkbookRead;
    expect(read.evaluation).toEqual(baseline.evaluation);
    expect(read.namedValue("TenDonVi")).toBe("Tam Đảo");
    return file;
  };

  test("unclosed tags: a cut part, a name never closed, a table or relationships without their end", async () => {
    await refused(WORKBOOK, (xml) => xml.replace("</workbook>", ""), "thẻ <workbook> không được đóng");
    await refused(WORKBOOK, (xml) => xml.replace("</definedNames>", "<definedName ".repeat(MANY) + "</definedNames>"), "không phải XML hợp lệ (dòng 2,");
    await refused(WORKBOOK, (xml) => xml.replace("</definedNames>", ""), "không phải XML hợp lệ");
    await refused(UNIT_TABLE, (xml) => xml.replace("</table>", ""), "thẻ <table> không được đóng");
    await refused(BOOK_RELS, (xml) => xml.replace("</Relationships>", "<Relationship ".repeat(MANY)), "không phải XML hợp lệ");
  });

  test("comments, processing instructions and CDATA where XML allows them are not data", async () => {
    await readsAsTheUnit(WORKBOOK, (xml) =>
      xml
        .replace("<workbook", "<!-- <sheet name='x'/> --><?chitieu ghi chú?><workbook")
        .replace("<sheets>", '<sheets><!-- <sheet name="Giả" sheetId="9" r:id="rId4"/> --><?x <sheet?>')
        .replace("&apos;Chỉ tiêu&apos;!$B$5", "<![CDATA['Chỉ tiêu']]><!-- giữa -->!<?x y?>$B$5")
        .replace("</workbook>", "</workbook><!-- sau --><?cuối?>\n"),
    );
    await readsAsTheUnit(BOOK_RELS, (xml) => xml.replace("<Relationship ", "<!-- <Relationship Id='rId4' Target='x.xml'/> --><Relationship "));
    await readsAsTheUnit(UNIT_TABLE, (xml) => xml.replace("<tableColumns", "<?chitieu?><!----><tableColumns"));
  });

  test("comments, processing instructions and CDATA where XML does not allow them refuse the part", async () => {
    await refused(WORKBOOK, (xml) => `<!-- trước -->${xml}`, "không phải XML hợp lệ (dòng 1,");
    await refused(WORKBOOK, (xml) => xml.replace("<sheets>", "<sheets><!-- a -- b -->"), "không phải XML hợp lệ");
    await refused(WORKBOOK, (xml) => xml.replace("</workbook>", "</workbook><![CDATA[x]]>"), "không phải XML hợp lệ");
    await refused(UNIT_TABLE, (xml) => xml.replace("<tableColumns", '<?xml version="1.0"?><tableColumns'), "không phải XML hợp lệ");
    // A comment never closed takes the rest of the part with it.
    await refused(UNIT_TABLE, (xml) => xml.replace("<tableColumns", "<!-- <tableColumns"), "thẻ <table> không được đóng");
  });

  test("a document type declaration is refused before its entities are expanded: billion laughs, an external entity", async () => {
    const laughs = (xml: string) => xml.replace("<workbook", `${BILLION_LAUGHS}<workbook`).replace("&apos;Chỉ tiêu&apos;!$B$5", "&lol9;");
    await refused(WORKBOOK, laughs, "<!DOCTYPE");
    await refused(BOOK_RELS, (xml) => xml.replace("<Relationships", '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Relationships').replace('Target="worksheets/sheet1.xml"', 'Target="&x;"'), "<!DOCTYPE");
    await refused(UNIT_TABLE, (xml) => xml.replace("<table", `${BILLION_LAUGHS}<table`), "<!DOCTYPE");
    // Without the declaration an entity is unknown, never looked up.
    await refused(WORKBOOK, (xml) => xml.replace("&apos;Chỉ tiêu&apos;!$B$5", "&lol9;"), "không phải XML hợp lệ");
  });

  test("elements are known by their namespace, whatever the prefix", async () => {
    await readsAsTheUnit(WORKBOOK, (xml) =>
      xml
        .replace(MAIN_NS, 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        .replace(/<(\/?)(workbook|fileVersion|workbookPr|sheets|sheet|definedNames|definedName|calcPr|bookViews|workbookView|extLst|ext)\b/g, "<$1x:$2")
        .replace(/xmlns:r=/, "xmlns:rel=")
        .replace(/ r:id=/g, " rel:id="),
    );
    await readsAsTheUnit(BOOK_RELS, (xml) => xml.replace('<Relationships xmlns="', '<pr:Relationships xmlns:pr="').replace(/<(\/?)Relationship(s?)\b/g, "<$1pr:Relationship$2"));
    await readsAsTheUnit(UNIT_TABLE, (xml) => xml.replace(MAIN_NS, 'xmlns:t="http://schemas.openxmlformats.org/spreadsheetml/2006/main"').replace(/<(\/?)(table|tableColumns|tableColumn|tableStyleInfo|autoFilter)\b/g, "<$1t:$2"));
    // A sheet in another namespace is not SpreadsheetML's; a prefix never bound is not XML.
    const other = await editedUnit(WORKBOOK, (xml) => xml.replace("<sheets>", '<sheets><o:sheet xmlns:o="urn:other" name="Giả" sheetId="9" r:id="rId4"/>'));
    expect(openXlsx(other).sheetNames).toEqual(openXlsx(await unitBytes()).sheetNames);
    await refused(WORKBOOK, (xml) => xml.replace("<sheets>", '<sheets><y:sheet name="Giả" sheetId="9" r:id="rId4"/>'), "không phải XML hợp lệ");
  });

  test("attributes in single quotes read as in double quotes", async () => {
    for (const part of [WORKBOOK, BOOK_RELS, SHEET_RELS, UNIT_TABLE]) {
      await readsAsTheUnit(part, (xml) => xml.replace(/="([^"']*)"/g, "='$1'"));
    }
  });

  test("a BOM, characters beyond the BMP and entities read; characters XML cannot hold refuse the part", async () => {
    for (const part of [WORKBOOK, BOOK_RELS, UNIT_TABLE]) {
      const file = await readsAsTheUnit(part, (xml) => `\uFEFF${xml}`);
      expect(readXlsxWorkbook(openXlsxPortable(file)).evaluation).toEqual(baseline.evaluation);
    }
    const named = await editedUnit(WORKBOOK, (xml) => xml.replace('name="Danh mục"', 'name="Danh mục 😀 &amp; &#x1F600; &lt;&#9;&gt;"'));
    expect(openXlsx(named).sheetNames[1]).toBe("Danh mục 😀 & 😀 <\t>");
    await refused(WORKBOOK, (xml) => xml.replace('name="Danh mục"', 'name="Danh&#1;mục"'), "không phải XML hợp lệ");
    await refused(WORKBOOK, (xml) => xml.replace('name="Danh mục"', 'name="Danh\u0001mục"'), "không phải XML hợp lệ");
    await refused(UNIT_TABLE, (xml) => xml.replace('displayName="', 'displayName="&#xFFFE;'), "không phải XML hợp lệ");
  });

  test("huge attribute values, many attributes and deep nesting stay within the bounds", async () => {
    const huge = "x".repeat(10_000_000);
    const big = await editedUnit(WORKBOOK, (xml) => xml.replace("</sheets>", `<sheet name="${huge}" sheetId="9"/></sheets>`));
    const read = (await bounded(() => openXlsx(big).sheetNames)) as string[];
    expect(read[read.length - 1]).toHaveLength(huge.length);
    const attributes = Array.from({ length: 200_000 }, (_, i) => ` a${i}="${i}"`).join("");
    await readsAsTheUnit(UNIT_TABLE, (xml) => xml.replace("<table ", `<table${attributes} `));
    await refused(WORKBOOK, (xml) => xml.replace("</workbook>", "<a>".repeat(1_000_000)), "sâu quá 64 tầng");
  });

  test("relationship targets: '../' inside the package and absolute paths read; a target outside the package refuses it", async () => {
    await readsAsTheUnit(BOOK_RELS, (xml) => xml.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"'));
    await readsAsTheUnit(BOOK_RELS, (xml) => xml.replace('Target="worksheets/sheet1.xml"', 'Target="../xl/./worksheets/sheet1.xml"'));
    for (const target of ["../../etc/passwd", "../../../../../../etc/passwd", "file:///etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\a.xml"]) {
      await refused(BOOK_RELS, (xml) => xml.replace('Target="worksheets/sheet1.xml"', `Target="${target}"`), `trỏ tới "${target}", một chỗ nằm ngoài tệp`);
    }
    await refused(SHEET_RELS, (xml) => xml.replace(/Target="[^"]*"/, 'Target="/../tables/table1.xml"'), "nằm ngoài tệp");
    // A link out of the file (a hyperlink) is no part of it: not followed, not refused.
    const external = await editedUnit(BOOK_RELS, (xml) => xml.replace('Target="worksheets/sheet1.xml"', 'Target="https://example.org/x.xml" TargetMode="External"'));
    expect(openXlsx(external).sheetNames).toEqual(openXlsx(await unitBytes()).sheetNames);
  });
});

describe("allocations are bounded by what the file holds", () => {
  test("a table claiming A7:XFD1048576 is read as the cells the sheet has, the summary not as indicators", async () => {
    for (const ref of ["A7:XFD1048576", "A7:L1048576"]) {
      const file = await editedUnit(UNIT_TABLE, (xml) => xml.replace(/ ref="[^"]*"/, ` ref="${ref}"`));
      const read = (await bounded(() => readUnit(file))) as UnitWorkbookRead;
      expect(read.evaluation).toEqual(baseline.evaluation);
      expect(read.problems).toEqual([expect.objectContaining({ cell: "D28", severity: "error", message: expect.stringContaining(`(${ref}) trùm lên cả ô tổng hợp D28`) })]);
    }
  });

  test("a table range outside the worksheet is refused with its name", async () => {
    const file = await editedUnit(UNIT_TABLE, (xml) => xml.replace(/ ref="[^"]*"/, ' ref="A7:XFE9"'));
    expect(() => readUnit(file)).toThrow('bảng tblChiTieu có vùng "A7:XFE9" không hợp lệ');
  });
});

describe("the reader sees what Excel sees", () => {
  const i8 = (read: UnitWorkbookRead) => read.tableCellValue("I8");

  test("a cell inside an XML comment or a processing instruction is not a cell", async () => {
    for (const [open, close] of [["<!--", "-->"], ["<?hidden ", "?>"]]) {
      const file = await editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "I8"), `${open}<c r="I8"><v>1</v></c>${close}${cellXml(xml, "I8")}`));
      const read = readUnit(file);
      expect(i8(read)).toBe(110);
      expect(read.evaluation).toEqual(baseline.evaluation);
    }
  });

  test("CDATA is text, its markup characters included", async () => {
    const file = await editedUnit(SHARED_STRINGS, (xml) => xml.replace("<t>Tam Đảo</t>", "<t><![CDATA[Tam Đảo & <Co>]]></t>"));
    expect(readUnit(file).namedValue("TenDonVi")).toBe("Tam Đảo & <Co>");
    expect(sharedStrings("<sst><si><t>a<![CDATA[</t>]]>b</t></si></sst>")).toEqual(["a</t>b"]);
  });

  test("an x:-prefixed worksheet (valid OOXML) reads like the plain one", async () => {
    const file = await editedUnit(UNIT_SHEET, (xml) =>
      xml
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        .replace(/<(\/?)(worksheet|sheetData|row|c|v|f|is|t|sheetPr|dimension|sheetViews|sheetView|pane|selection|sheetFormatPr|cols|col|mergeCells|mergeCell|pageMargins|pageSetup|headerFooter|tableParts|tablePart|dataValidations|dataValidation|formula1|conditionalFormatting|cfRule|formula|rowBreaks|brk|printOptions|sheetProtection|oddFooter|oddHeader|pageSetUpPr|extLst|ext)\b/g, "<$1x:$2"),
    );
    expect(partsOf(file).get(UNIT_SHEET)).toContain("<x:c r=\"I8\"");
    expect(readUnit(file).evaluation).toEqual(baseline.evaluation);
  });

  test.each([
    ["a hexadecimal number", (xml: string) => xml.replace(cellXml(xml, "I8"), '<c r="I8"><v>0x834</v></c>'), 'ô I8 ghi "0x834", không phải một số'],
    ["Infinity", (xml: string) => xml.replace(cellXml(xml, "I8"), '<c r="I8"><v>Infinity</v></c>'), 'ô I8 ghi "Infinity", không phải một số'],
    ["a column past XFD", (xml: string) => xml.replace(cellXml(xml, "I8"), '<c r="XFE7"><v>1</v></c>' + cellXml(xml, "I8")), "ô XFE7 nằm ngoài trang tính"],
    ["a row past 1,048,576", (xml: string) => xml.replace("</sheetData>", '<row r="1048577"><c><v>1</v></c></row></sheetData>'), "ô 1048577 nằm ngoài trang tính"],
    ["an unknown cell type", (xml: string) => xml.replace(cellXml(xml, "I8"), '<c r="I8" t="q"><v>1</v></c>'), 'ô I8 có kiểu "q"'],
    ["a shared string that does not exist", (xml: string) => xml.replace(cellXml(xml, "I8"), '<c r="I8" t="s"><v>0x1</v></c>'), 'ô I8 trỏ tới chuỗi số "0x1"'],
    ["a document type declaration", (xml: string) => xml.replace("<worksheet", '<!DOCTYPE x [<!ENTITY a "b">]><worksheet'), "<!DOCTYPE"],
  ])("%s is refused, naming the cell", async (_name, edit, message) => {
    const file = await editedUnit(UNIT_SHEET, edit);
    expect(() => readUnit(file)).toThrow(message);
  });

  test("a formula without its result is not read as 'pending' silently: the cell is named and the fix given", async () => {
    const file = await editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "I8"), '<c r="I8"><f>100+10</f></c>'));
    const read = readUnit(file);
    expect(read.problems).toEqual([
      expect.objectContaining({ cell: "I8", severity: "error", message: expect.stringContaining("Hãy mở tệp trong Excel, lưu lại rồi đọc lại") }),
    ]);
    const saved = readUnit(await editedUnit(UNIT_SHEET, (xml) => xml.replace(cellXml(xml, "I8"), '<c r="I8"><f>100+10</f><v>110</v></c>')));
    expect(saved.problems).toEqual([]);
    expect(saved.evaluation).toEqual(baseline.evaluation);
  });
});

describe("the engine's arithmetic stops where Excel's does", () => {
  test("a ratio that overflows (1e308 / 1e-320) is an error, as the sheet's #NUM!, for both directions", () => {
    expect(assess("increase", 1e-320, 1e308, "sheet")).toMatchObject({ status: "error", errors: [{ field: "actual", message: expect.stringContaining("#NUM!") }] });
    expect(assess("decrease", 1e-320, 1e308, "sheet")).toMatchObject({ status: "error" });
    expect(assess("increase", 1e-300, 1e-300, "sheet")).toMatchObject({ status: "met", achievement: 1 });
  });

  test("ROUND to 4 decimals of a huge finite ratio is the ratio itself, never Infinity", () => {
    expect(round4(1e306)).toBe(1e306);
    expect(round4(2 ** 53 + 2)).toBe(2 ** 53 + 2);
  });

  test("through the reader: target 1e-320, actual 1e308 gives no level from that indicator", async () => {
    const file = await editedUnit(UNIT_SHEET, (xml) =>
      xml.replace(cellXml(xml, "H8"), '<c r="H8"><v>1E-320</v></c>').replace(cellXml(xml, "I8"), '<c r="I8"><v>1E+308</v></c>'),
    );
    const read = readUnit(file);
    expect(read.evaluation?.indicators[0]).toMatchObject({ status: "error", achievement: null });
    expect(read.problems).toEqual([expect.objectContaining({ cell: "I8", message: expect.stringContaining("#NUM!") })]);
  });
});

test("the parts rezipped unchanged read as the original (the suite's own check)", async () => {
  expect(readUnit(rezip(partsOf(await unitBytes()))).evaluation).toEqual(baseline.evaluation);
});
