import { chooseUnit, nextUnitPlace, placedName, placeFormula, placeSheet, sharedWorkbook, unitIndexOfTable, unitPlace, unitPlaces, unitWorkbook } from "../../../src/layout";

const TWO = unitPlace(2);

describe("placing unit 1's layout at unit n", () => {
  test("formulas name unit n's cells; rules, the level list, functions and text stay", () => {
    expect(placeFormula('=IF(TongDiem="","Tổng điểm TongDiem",ROUND(DiemKetQua+DiemTieuChiChung,2))', TWO)).toBe(
      '=IF(TongDiem_2="","Tổng điểm TongDiem",ROUND(DiemKetQua_2+DiemTieuChiChung_2,2))',
    );
    expect(placeFormula("=MATCH(XepLoaiCuoiCung,DanhSachXepLoai,0)+DiemXuatSac+SoKyHieu", TWO)).toBe("=MATCH(XepLoaiCuoiCung_2,DanhSachXepLoai,0)+DiemXuatSac+SoKyHieu");
    // A longer name that starts like a unit name, and a sheet-qualified cell, are not names of the unit.
    expect(placeFormula("=SoDatX+'Quy tắc'!SoDat+SoDat", TWO)).toBe("=SoDatX+'Quy tắc'!SoDat+SoDat_2");
    expect(placeFormula("=TieuChiChungTong", TWO)).toBe("=TieuChiChungTong_2");
    expect(placeFormula("=TongDiem", unitPlace(1))).toBe("=TongDiem");
    expect(placedName("TongDiem", TWO)).toBe("TongDiem_2");
    expect(placedName("HanMucXuatSac", TWO)).toBe("HanMucXuatSac");
  });

  test("unit 2's sheets hold no unit-1 name in any formula, and unit 1's layout is the single-unit one", () => {
    const single = unitWorkbook({ unitName: "A", head: "", year: 2025 });
    const shared = sharedWorkbook([{ unitName: "A", head: "", year: 2025 }, { unitName: "B", head: "", year: 2025 }]);
    expect(shared.sheets.slice(0, single.sheets.length)).toEqual(single.sheets);
    const unitTwo = placeSheet(single.sheets[0], TWO);
    expect(unitTwo.name).toBe("Chỉ tiêu 2");
    expect(unitTwo.tables.map((t) => t.name)).toEqual(["tblChiTieu_2"]);
    const formulas = unitTwo.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => ("formula" in c ? [c.formula] : []));
    expect(formulas.some((f) => /XepLoaiDeXuat_2/.test(f))).toBe(true);
    expect(formulas.filter((f) => /(?<![A-Za-z_])(XepLoaiDeXuat|XepLoaiCuoiCung|SoChiTieu)(?![A-Za-z0-9_])/.test(f.replace(/"[^"]*"/g, "")))).toEqual([]);
    const names = shared.names.filter((n) => n.sheet === "Chỉ tiêu 2" || n.sheet === "Tiêu chí chung 2");
    expect(names.length).toBeGreaterThan(30);
    expect(names.every((n) => n.name.endsWith("_2"))).toBe(true);
  });

  test("each unit that follows up gets its own 'Theo dõi n' over its own unit sheet, with its own cadence", () => {
    const shared = sharedWorkbook([
      { unitName: "A", head: "", year: 2025, withFollowUp: true },
      { unitName: "B", head: "", year: 2025, withFollowUp: "month" },
      { unitName: "C", head: "", year: 2025 },
    ]);
    const followUps = shared.sheets.filter((s) => s.name.startsWith("Theo dõi"));
    expect(followUps.map((s) => [s.name, s.columnWidths.length])).toEqual([
      ["Theo dõi", 6 + 4 * 4],
      ["Theo dõi 2", 6 + 12 * 4],
    ]);
    const sources = (sheet: (typeof followUps)[number]) =>
      new Set(sheet.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => ("formula" in c ? [...c.formula.matchAll(/'([^']+)'!/g)].map((m) => m[1]) : [])));
    expect([...sources(followUps[0])]).toEqual(["Chỉ tiêu"]);
    expect([...sources(followUps[1])]).toEqual(["Chỉ tiêu 2"]);
  });
});

describe("which unit an action works on", () => {
  test("units are found by their tables; the active sheet's unit or criteria table decides", () => {
    expect([unitIndexOfTable("tblChiTieu"), unitIndexOfTable("tblChiTieu_3"), unitIndexOfTable("tblChiTieu_1"), unitIndexOfTable("tblDanhMuc")]).toEqual([1, 3, null, null]);
    const tables = ["tblDanhMuc", "tblChiTieu", "tblTieuChiChung", "tblChiTieu_2", "tblTieuChiChung_2"];
    expect(unitPlaces(tables).map((p) => p.index)).toEqual([1, 2]);
    expect(nextUnitPlace(unitPlaces(tables)).index).toBe(3);
    expect(chooseUnit(tables, ["tblChiTieu_2"]).place?.index).toBe(2);
    expect(chooseUnit(tables, ["tblTieuChiChung_2"]).place?.index).toBe(2);
    expect(chooseUnit(tables, ["tblTieuChiChung"]).place?.index).toBe(1);
    expect(chooseUnit(tables, []).place).toBeNull();
    expect(chooseUnit(["tblChiTieu"], []).place?.index).toBe(1);
    expect(chooseUnit([], []).place?.index).toBe(1);
    expect(chooseUnit(tables, [], ["SoKyHieu", "DonViBanIn_2"]).place?.index).toBe(2);
    expect(chooseUnit(tables, [], ["DonViBanIn"]).place?.index).toBe(1);
    expect(chooseUnit(tables, [], ["DonViBanIn_7"]).place).toBeNull();
    // A follow-up sheet has no table or name of its own: its name says whose it is.
    expect(chooseUnit(tables, [], [], "Theo dõi 2").place?.index).toBe(2);
    expect(chooseUnit(tables, [], [], "Theo dõi").place?.index).toBe(1);
    expect(chooseUnit(tables, [], [], "Theo dõi 7").place).toBeNull();
    expect(chooseUnit(tables, [], [], "Theo dõi 1").place).toBeNull();
    expect(chooseUnit(tables, [], [], "Theo dõi cũ").place).toBeNull();
    expect([unitPlace(1).followUpSheet, unitPlace(3).followUpSheet]).toEqual(["Theo dõi", "Theo dõi 3"]);
  });
});
