import FormulaParser from "fast-formula-parser";
import { MAX_COLUMNS, MAX_ROWS, Rect, contains, parseAddress } from "./address";
import { Cell, ComputedValue, ExcelErrorValue, SheetModel, WorkbookModel } from "./cellStore";
import { customFunctions } from "./formulaFunctions";
import { excelFunctions, installExcelOperators } from "./formulaSemantics";

const { FormulaError } = FormulaParser;
installExcelOperators();

/** A formula cell and the references its last evaluation read. */
interface FormulaNode {
  sheet: SheetModel;
  row: number;
  col: number;
  cell: Cell;
  reads: Read[];
}

interface Read {
  sheet: SheetModel;
  rect: Rect;
  reader: FormulaNode;
}

/** Thrown from a reference callback when a formula cell it needs has not been computed yet. */
class NeedsCells {
  constructor(readonly nodes: FormulaNode[]) {}
}

type State = "pending" | "done" | "cycle";

const engines = new WeakMap<WorkbookModel, FormulaEngine>();

/**
 * Brings every formula result up to date: after a structural change (names, moved cells, sheets) or on first
 * use, everything is recomputed; after content edits, only the cells that read an edited cell, transitively.
 */
export function recalculate(model: WorkbookModel): void {
  let engine = engines.get(model);
  if (!engine || model.dirty) {
    engine = new FormulaEngine(model);
    engines.set(model, engine);
    engine.recalculateAll();
  } else if (model.edited.length > 0) {
    engine.recalculateEdited(model.edited);
  }
  model.dirty = false;
  model.edited = [];
}

/**
 * Dependencies are recorded as formulas are evaluated (every cell and range a formula actually read), not
 * parsed from its text: a result depends only on the values it read, so a formula needs recomputing exactly
 * when one of those changes, and names, sheet-qualified and whole-column references come for free.
 *
 * fast-formula-parser is not re-entrant, so dependencies are not evaluated recursively from inside a parse:
 * a parse that meets an uncomputed formula aborts, the dependency is computed first (explicit stack, which
 * yields topological order), and the parse is retried. A dependency already on the stack is a cycle and reads
 * as #REF!, so cycles terminate.
 */
class FormulaEngine {
  private readonly nodes = new Map<Cell, FormulaNode>();
  /** Formulas that read a single cell, per sheet and cell key. */
  private readonly cellReaders = new Map<SheetModel, Map<number, Set<FormulaNode>>>();
  /** Formulas that read a range, per sheet and column (a table column is read by every row's duplicate check). */
  private readonly rangeReaders = new Map<SheetModel, Map<number, Set<Read>>>();
  private state = new Map<Cell, State>();
  /** Formulas being recomputed; every other formula's result is current. Null: all of them. */
  private scope: Set<Cell> | null = null;
  private reads: Read[] = [];
  /** Range values by sheet and rectangle, kept until a cell inside changes; see readRange. */
  private readonly ranges = new Map<string, { sheet: SheetModel; rect: Rect; rows: unknown[][] }>();
  private cycles = 0;
  private readonly names = new Map<string, FormulaParser.CellRef | FormulaParser.RangeRef | null>();
  private reader: FormulaNode | undefined;
  private readonly parser: FormulaParser;

  constructor(private readonly model: WorkbookModel) {
    this.parser = new FormulaParser({
      functions: { ...customFunctions, ...excelFunctions },
      // A bare word such as "abc" lexes as a half reference (column only); Excel reads it as an unknown name.
      onCell: ({ sheet, row, col }) => (Number.isInteger(row) && Number.isInteger(col) ? this.readCell(sheet, row - 1, col - 1) : FormulaError.NAME),
      onRange: ({ sheet, from, to }) => this.readRange(sheet, from, to),
      // Names only change with a structural change, which starts a new engine. A copy: the parser owns its refs.
      onVariable: (name) => copyRef(mapFor(this.names, name.toLowerCase(), () => resolveName(model, name))),
    });
  }

  recalculateAll(): void {
    for (const sheet of this.model.sheets) {
      for (const [key, cell] of sheet.cells) {
        if (cell.formula !== null) this.nodes.set(cell, { sheet, ...SheetModel.position(key), cell, reads: [] });
      }
    }
    this.scope = null;
    this.run(this.nodes.values());
  }

  recalculateEdited(edited: readonly { sheet: SheetModel; row: number; col: number }[]): void {
    const scope = new Set<Cell>();
    const queue: FormulaNode[] = [];
    const enqueue = (node: FormulaNode) => {
      if (scope.has(node.cell)) return;
      scope.add(node.cell);
      queue.push(node);
    };
    for (const { sheet, row, col } of edited) {
      const cell = sheet.cellAt(row, col);
      if (!cell) continue;
      const old = this.nodes.get(cell);
      if (old) this.forget(old);
      if (cell.formula !== null) {
        const node = { sheet, row, col, cell, reads: [] };
        this.nodes.set(cell, node);
        enqueue(node);
      }
      this.readersOf(sheet, row, col).forEach(enqueue);
    }
    for (let i = 0; i < queue.length; i++) this.readersOf(queue[i].sheet, queue[i].row, queue[i].col).forEach(enqueue);
    for (const [key, range] of this.ranges) {
      const changed = (at: { sheet: SheetModel; row: number; col: number }) => at.sheet === range.sheet && contains(range.rect, at.row, at.col);
      if (edited.some(changed) || queue.some(changed)) this.ranges.delete(key);
    }
    this.scope = scope;
    this.run(queue);
  }

  private readersOf(sheet: SheetModel, row: number, col: number): FormulaNode[] {
    const out = [...(this.cellReaders.get(sheet)?.get(SheetModel.key(row, col)) ?? [])];
    for (const key of [col, WIDE]) {
      for (const read of this.rangeReaders.get(sheet)?.get(key) ?? []) if (contains(read.rect, row, col)) out.push(read.reader);
    }
    return out;
  }

  private forget(node: FormulaNode): void {
    for (const read of node.reads) {
      if (isSingleCell(read.rect)) this.cellReaders.get(read.sheet)?.get(SheetModel.key(read.rect.startRow, read.rect.startCol))?.delete(node);
      else for (const key of columnKeys(read.rect)) this.rangeReaders.get(read.sheet)?.get(key)?.delete(read);
    }
    node.reads = [];
  }

  private remember(node: FormulaNode, reads: Read[]): void {
    this.forget(node);
    node.reads = reads;
    for (const read of reads) {
      if (isSingleCell(read.rect)) {
        const byKey = mapFor(this.cellReaders, read.sheet, () => new Map<number, Set<FormulaNode>>());
        mapFor(byKey, SheetModel.key(read.rect.startRow, read.rect.startCol), () => new Set<FormulaNode>()).add(node);
      } else {
        const byColumn = mapFor(this.rangeReaders, read.sheet, () => new Map<number, Set<Read>>());
        for (const key of columnKeys(read.rect)) mapFor(byColumn, key, () => new Set<Read>()).add(read);
      }
    }
  }

  private stateOf(cell: Cell): State | undefined {
    return this.scope && !this.scope.has(cell) ? "done" : this.state.get(cell);
  }

  private run(nodes: Iterable<FormulaNode>): void {
    this.state = new Map();
    const stack: FormulaNode[] = [];
    for (const node of nodes) {
      if (this.stateOf(node.cell) === "done") continue;
      stack.push(node);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (this.stateOf(top.cell) === "done") {
          stack.pop();
          continue;
        }
        if (this.state.get(top.cell) !== "cycle") this.state.set(top.cell, "pending");
        this.reads = [];
        this.reader = top;
        const outcome = evaluate(this.parser, top.sheet, top.row, top.col, top.cell.formula ?? "");
        if (outcome instanceof NeedsCells) {
          stack.push(...outcome.nodes.filter((d) => this.stateOf(d.cell) === undefined));
          continue;
        }
        this.remember(top, this.reads);
        top.cell.computed = outcome;
        this.state.set(top.cell, "done");
        stack.pop();
      }
    }
    this.scope = null;
  }

  private record(sheet: SheetModel, rect: Rect): void {
    if (this.reader) this.reads.push({ sheet, rect, reader: this.reader });
  }

  private readCell(sheetName: string, row: number, col: number): unknown {
    const sheet = this.model.findSheet(sheetName);
    if (!sheet) return FormulaError.REF;
    this.record(sheet, { startRow: row, startCol: col, endRow: row, endCol: col });
    return this.valueOf(sheet, row, col, sheet.cellAt(row, col));
  }

  private valueOf(sheet: SheetModel, row: number, col: number, cell: Cell | undefined): unknown {
    if (!cell) return null;
    if (cell.formula === null) return toParserValue(cell.value);
    const state = this.stateOf(cell);
    if (state === "done") return toParserValue(cell.computed);
    if (state === undefined) throw new NeedsCells([this.nodeOf(sheet, row, col, cell)]);
    this.state.set(cell, "cycle");
    this.cycles++;
    return FormulaError.REF;
  }

  private nodeOf(sheet: SheetModel, row: number, col: number, cell: Cell): FormulaNode {
    return mapFor(this.nodes, cell, () => ({ sheet, row, col, cell, reads: [] }));
  }

  private readRange(sheetName: string, from: { row: number; col: number }, to: { row: number; col: number }): unknown[][] {
    const sheet = this.model.findSheet(sheetName);
    if (!sheet) throw FormulaError.REF;
    // Recorded unclipped, so a value typed below the used area still reaches a whole-column reader.
    this.record(sheet, { startRow: from.row - 1, startCol: from.col - 1, endRow: to.row - 1, endCol: to.col - 1 });
    // Whole-column/row references are clipped to the used area, like Excel's own evaluation (usedRect scans
    // every cell, so only for those).
    const used = to.row >= MAX_ROWS || to.col >= MAX_COLUMNS ? sheet.usedRect(true) : undefined;
    const endRow = to.row >= MAX_ROWS ? Math.min(to.row, (used?.endRow ?? 0) + 1) : to.row;
    const endCol = to.col >= MAX_COLUMNS ? Math.min(to.col, (used?.endCol ?? 0) + 1) : to.col;
    const key = `${sheet.id}!${from.row}:${from.col}:${endRow}:${endCol}`;
    const known = this.ranges.get(key);
    if (known) return known.rows;
    const cycles = this.cycles;
    const missing: FormulaNode[] = [];
    const rows: unknown[][] = [];
    for (let r = from.row - 1; r < endRow; r++) {
      const line: unknown[] = [];
      for (let c = from.col - 1; c < endCol; c++) {
        const cell = sheet.cellAt(r, c);
        if (cell && cell.formula !== null && this.stateOf(cell) === undefined) missing.push(this.nodeOf(sheet, r, c, cell));
        line.push(missing.length > 0 ? null : this.valueOf(sheet, r, c, cell));
      }
      rows.push(line);
    }
    if (missing.length > 0) throw new NeedsCells(missing);
    // Every formula in the range is final for this pass (unless one was read mid-cycle), and the summary lines
    // and duplicate checks read the same columns over and over. The arrays are never mutated, which also lets
    // element-wise results over them be memoized (formulaSemantics).
    if (this.cycles === cycles) {
      this.ranges.set(key, { sheet, rect: { startRow: from.row - 1, startCol: from.col - 1, endRow: endRow - 1, endCol: endCol - 1 }, rows });
    }
    return rows;
  }
}

/** Ranges wider than this are filed under WIDE rather than under each of their columns. */
const MAX_INDEXED_COLUMNS = 16;
const WIDE = -1;

function columnKeys(rect: Rect): number[] {
  const width = rect.endCol - rect.startCol + 1;
  return width > MAX_INDEXED_COLUMNS ? [WIDE] : Array.from({ length: width }, (_, i) => rect.startCol + i);
}

function copyRef(ref: FormulaParser.CellRef | FormulaParser.RangeRef | null): FormulaParser.CellRef | FormulaParser.RangeRef | null {
  return ref && ("from" in ref ? { sheet: ref.sheet, from: { ...ref.from }, to: { ...ref.to } } : { ...ref });
}

function isSingleCell(rect: Rect): boolean {
  return rect.startRow === rect.endRow && rect.startCol === rect.endCol;
}

function mapFor<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function evaluate(parser: FormulaParser, sheet: SheetModel, row: number, col: number, formula: string): ComputedValue | NeedsCells {
  try {
    return fromParserValue(parser.parse(formula.slice(1), { sheet: sheet.name, row: row + 1, col: col + 1 }));
  } catch (e) {
    if (e instanceof NeedsCells) return e;
    if (e instanceof FormulaError && e.details instanceof NeedsCells) return e.details;
    if (e instanceof FormulaError && e.error !== "#ERROR!") return new ExcelErrorValue(e.error);
    // Unparseable formulas: Excel would not accept them; a dangling #REF! is what sheet deletion leaves behind.
    return new ExcelErrorValue(formula.includes("#REF!") ? "#REF!" : "#NAME?");
  }
}

function toParserValue(value: ComputedValue): unknown {
  return value instanceof ExcelErrorValue ? new FormulaError(value.code) : value;
}

function fromParserValue(value: unknown): ComputedValue {
  if (value instanceof FormulaError) return new ExcelErrorValue(value.error);
  if (Array.isArray(value)) return fromParserValue((value as unknown[][])[0]?.[0] ?? null);
  if (value === null || value === undefined) return 0; // "=A1" with A1 blank shows 0
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return new ExcelErrorValue("#VALUE!");
}

/** Workbook-scoped defined names that refer to a cell or range ("='Quy tắc'!$B$3"). */
function resolveName(model: WorkbookModel, name: string): FormulaParser.CellRef | FormulaParser.RangeRef | null {
  const item = model.findName(name);
  if (!item) return null;
  try {
    const { sheet, rect } = parseAddress(item.formula.replace(/^=/, ""));
    if (!sheet) return null;
    if (rect.startRow === rect.endRow && rect.startCol === rect.endCol) {
      return { sheet, row: rect.startRow + 1, col: rect.startCol + 1 };
    }
    return { sheet, from: { row: rect.startRow + 1, col: rect.startCol + 1 }, to: { row: rect.endRow + 1, col: rect.endCol + 1 } };
  } catch {
    return null;
  }
}
