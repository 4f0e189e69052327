/**
 * Charts (ExcelApi 1.1): a chart is kept as what was asked of it (type, source range, title,
 * position, value axis, legend) so that tests can check what the add-in drew; nothing is rendered.
 */
import { formatAddress } from "./address";
import { Batch } from "./batch";
import type { SheetModel } from "./cellStore";
import { fail } from "./errors";
import { CollectionProxy, SimpleProxy, type PropertySpec } from "./proxyBase";
import type { RangeProxy } from "./rangeProxies";
import { rangeOnSheet } from "./sheetProxies";

export interface ChartModel {
  name: string;
  type: string;
  /** The source range, sheet-qualified and absolute. */
  source: string;
  seriesBy: string;
  title: string;
  /** Top-left and bottom-right cells. */
  position: { start: string; end: string | null } | null;
  valueAxis: { minimum: number | null; maximum: number | null; majorUnit: number | null; majorGridlines: boolean };
  legend: { visible: boolean; position: string };
}

/** The chart types the add-in draws; Excel has many more. */
const CHART_TYPES = ["ColumnClustered", "ColumnStacked", "BarClustered", "Line"];
const SERIES_BY = ["Auto", "Columns", "Rows"];

const chartsOf = new WeakMap<SheetModel, ChartModel[]>();
export function sheetCharts(sheet: SheetModel): ChartModel[] {
  let list = chartsOf.get(sheet);
  if (!list) {
    list = [];
    chartsOf.set(sheet, list);
  }
  return list;
}

function canonical(value: unknown, allowed: readonly string[], kind: string): string {
  const match = typeof value === "string" ? allowed.find((v) => v.toLowerCase() === value.toLowerCase()) : undefined;
  return match ?? fail("InvalidArgument", `'${String(value)}' is not a valid ${kind}.`);
}

const numberOrNull = (v: unknown) => (v === null ? null : Number(v));

export class ChartProxy extends SimpleProxy<ChartModel> {
  constructor(batch: Batch, path: string, resolve: () => ChartModel | null, private readonly sheet: () => SheetModel) {
    const axis = () =>
      new SimpleProxy<ChartModel>(batch, `${path}.axes.valueAxis`, resolve, {
        minimum: { get: (c) => c.valueAxis.minimum, set: (c, v) => void (c.valueAxis.minimum = numberOrNull(v)) },
        maximum: { get: (c) => c.valueAxis.maximum, set: (c, v) => void (c.valueAxis.maximum = numberOrNull(v)) },
        majorUnit: { get: (c) => c.valueAxis.majorUnit, set: (c, v) => void (c.valueAxis.majorUnit = numberOrNull(v)) },
      }, {
        majorGridlines: () => new SimpleProxy<ChartModel>(batch, `${path}.axes.valueAxis.majorGridlines`, resolve, {
          visible: { get: (c) => c.valueAxis.majorGridlines, set: (c, v) => void (c.valueAxis.majorGridlines = Boolean(v)) },
        }),
      });
    const specs: Record<string, PropertySpec<ChartModel>> = { name: { get: (c) => c.name, set: (c, v) => void (c.name = String(v)) } };
    super(batch, path, resolve, specs, {
      title: () => new SimpleProxy<ChartModel>(batch, `${path}.title`, resolve, { text: { get: (c) => c.title, set: (c, v) => void (c.title = String(v)) } }),
      axes: () => new SimpleProxy<ChartModel>(batch, `${path}.axes`, resolve, {}, { valueAxis: axis }),
      legend: () => new SimpleProxy<ChartModel>(batch, `${path}.legend`, resolve, {
        visible: { get: (c) => c.legend.visible, set: (c, v) => void (c.legend.visible = Boolean(v)) },
        position: { get: (c) => c.legend.position, set: (c, v) => void (c.legend.position = canonical(v, ["Top", "Bottom", "Left", "Right", "Corner", "Custom"], "ChartLegendPosition")) },
      }),
    });
  }

  setPosition(startCell: string, endCell?: string): void {
    this.queue("setPosition", [startCell, endCell ?? null], (c) => {
      rangeOnSheet(this.sheet(), startCell);
      if (endCell !== undefined) rangeOnSheet(this.sheet(), endCell);
      c.position = { start: startCell, end: endCell ?? null };
    });
  }

  delete(): void {
    this.queue("delete", [], (c) => {
      const list = sheetCharts(this.sheet());
      list.splice(list.indexOf(c), 1);
    });
  }
}

export class ChartCollectionProxy extends CollectionProxy<ChartModel, ChartProxy> {
  constructor(batch: Batch, path: string, private readonly sheet: () => SheetModel) {
    super(batch, path, () => sheetCharts(sheet()));
  }

  protected makeItem(chart: ChartModel, index: number): ChartProxy {
    return new ChartProxy(this.batch, `${this._path}.items[${index}]`, () => chart, this.sheet);
  }

  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let created: ChartModel | undefined;
    this.batch.enqueue({ path: this._path, action: "add", args: [type, sourceData, seriesBy] }, () => {
      const sheet = this.sheet();
      if (sheet.protection.protected) fail("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
      const source = sourceData.target();
      const list = sheetCharts(sheet);
      created = {
        name: `Chart ${list.length + 1}`,
        type: canonical(type, CHART_TYPES, "ChartType"),
        source: formatAddress(source.sheet.name, source.rect, true),
        seriesBy: canonical(seriesBy, SERIES_BY, "ChartSeriesBy"),
        title: "",
        position: null,
        valueAxis: { minimum: null, maximum: null, majorUnit: null, majorGridlines: true },
        legend: { visible: true, position: "Right" },
      };
      list.push(created);
    });
    return new ChartProxy(this.batch, `${this._path}.add(${JSON.stringify(type)})`, () => created ?? null, this.sheet);
  }
}
