import { Batch, ClientResult } from "./batch";
import { fail } from "./errors";

export type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

/** Normalises every load() form into slash paths: "values", "format/font/bold", "items/name". */
export function loadPaths(option: LoadOption | undefined): string[] {
  if (option === undefined) return [];
  if (typeof option === "string") return option.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((o) => loadPaths(o));
  if ("select" in option || "expand" in option) {
    const list = (v: unknown): string[] => (typeof v === "string" || Array.isArray(v) ? loadPaths(v as string | string[]) : []);
    return [...list(option.select), ...list(option.expand)];
  }
  const paths: string[] = [];
  for (const [key, value] of Object.entries(option)) {
    if (value === true) paths.push(key);
    else if (value && typeof value === "object") {
      const nested = loadPaths(value as LoadOption);
      paths.push(...(nested.length > 0 ? nested.map((p) => `${key}/${p}`) : [key]));
    }
  }
  return paths;
}

/** Read/write behaviour of one scalar property against the resolved target. */
export interface PropertySpec<T> {
  get(target: T): unknown;
  set?(target: T, value: unknown): void;
}

/**
 * Base of every proxy. The target (a sheet, a range rect, a table…) is resolved lazily when the first queued
 * operation on the proxy runs, so a missing item surfaces as ItemNotFound at sync. Scalar properties must be
 * loaded (or set by the client in this batch) before they can be read.
 */
export abstract class ClientObject<T> {
  private _resolution: { target: T | null } | undefined;
  private readonly _loaded = new Map<string, unknown>();
  private readonly _children = new Map<string, ClientObject<unknown>>();

  constructor(
    protected readonly batch: Batch,
    readonly _path: string,
    private readonly resolver: () => T | null,
    nullable = false,
  ) {
    // getXOrNullObject: the existence check runs at the next sync, so isNullObject is then known.
    if (nullable) this.batch.enqueue({ path: _path, action: "resolve", args: [] }, () => this.tryTarget());
  }

  protected abstract properties(): Record<string, PropertySpec<T>>;

  /** Navigation properties (format, font, …) used by load paths such as "format/font/bold". */
  protected navigation(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  protected child<C extends ClientObject<unknown>>(name: string, make: () => C): C {
    let existing = this._children.get(name);
    if (!existing) {
      existing = make();
      this._children.set(name, existing);
    }
    return existing as C;
  }

  toJSON(): { path: string } {
    return { path: this._path };
  }

  get isNullObject(): boolean {
    return this.readLoaded("isNullObject") as boolean;
  }

  /** Resolves the target (memoised); null means a null object. */
  tryTarget(): T | null {
    if (!this._resolution) {
      this._resolution = { target: this.resolver() };
      if (this._resolution.target === null) this._loaded.set("isNullObject", true);
    }
    return this._resolution.target;
  }

  target(): T {
    const target = this.tryTarget();
    if (target === null) return fail("ItemNotFound", `The requested resource doesn't exist (${this._path}).`);
    return target;
  }

  /** Queues an action whose effect needs the resolved target. */
  protected queue(action: string, args: unknown[], run: (target: T) => void): void {
    this.batch.enqueue({ path: this._path, action, args }, () => run(this.target()));
  }

  protected readLoaded(name: string): unknown {
    if (this._loaded.has(name)) return this._loaded.get(name);
    if (this._resolution?.target === null && name !== "isNullObject") return null;
    return fail("PropertyNotLoaded", `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }

  protected writeQueued(name: string, value: unknown): void {
    const spec = this.properties()[name];
    if (!spec?.set) fail("InvalidArgument", `The property '${name}' is read-only.`);
    const setter = spec.set;
    this._loaded.set(name, value);
    this.queue(`set:${name}`, [value], (target) => setter(target, value));
  }

  protected storeLoaded(name: string, value: unknown): void {
    this._loaded.set(name, value);
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.batch.enqueue({ path: this._path, action: "load", args: [paths] }, () => this.executeLoad(paths));
    return this;
  }

  /** Runs at sync: reads the requested properties from the model into this proxy (and its children). */
  executeLoad(paths: string[]): void {
    const target = this.tryTarget();
    if (target === null) return;
    this.batch.calculated();
    this._loaded.set("isNullObject", false);
    const specs = this.properties();
    const own = paths.length === 0 ? Object.keys(specs) : [];
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (rest.length === 0 && head in specs) own.push(head);
      else if (this.navigation(head)) nested.set(head, [...(nested.get(head) ?? []), ...(rest.length ? [rest.join("/")] : [])]);
      else if (!this.loadExtra(head, rest.join("/"), target)) fail("InvalidArgument", `Cannot load property '${path}'.`);
    }
    for (const name of own) this._loaded.set(name, specs[name].get(target));
    for (const [name, sub] of nested) this.navigation(name)?.executeLoad(sub);
  }

  /** Hook for collections (items). */
  protected loadExtra(_head: string, _rest: string, _target: T): boolean {
    return false;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** Adds Office-style accessors for the spec's properties to a proxy class prototype. */
export function exposeProperties(proto: object, names: string[]): void {
  for (const name of names) {
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: { readLoaded(n: string): unknown }) {
        return this.readLoaded(name);
      },
      set(this: { writeQueued(n: string, v: unknown): void }, value: unknown) {
        this.writeQueued(name, value);
      },
    });
  }
}

/** Proxy whose properties are given per instance (font, fill, border, page layout parts…). */
export class SimpleProxy<T> extends ClientObject<T> {
  constructor(
    batch: Batch,
    path: string,
    resolver: () => T | null,
    private readonly specs: Record<string, PropertySpec<T>>,
    private readonly nav: Record<string, () => ClientObject<unknown>> = {},
  ) {
    super(batch, path, resolver);
    exposeProperties(this, Object.keys(specs));
    for (const [name, make] of Object.entries(nav)) {
      Object.defineProperty(this, name, { get: () => this.child(name, make) });
    }
  }

  protected properties(): Record<string, PropertySpec<T>> {
    return this.specs;
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    const make = this.nav[name];
    return make ? this.child(name, make) : undefined;
  }
}

/**
 * Collections resolve to the current list of entities. `items` needs load("items") / load("items/name");
 * like Office, load("name") on a collection means items/name.
 */
export abstract class CollectionProxy<E, P extends ClientObject<unknown>> extends ClientObject<E[]> {
  protected abstract makeItem(entity: E, index: number): P;

  protected properties(): Record<string, PropertySpec<E[]>> {
    return { count: { get: (list) => list.length } };
  }

  get items(): P[] {
    return this.readLoaded("items") as P[];
  }

  get count(): number {
    return this.readLoaded("count") as number;
  }

  override executeLoad(paths: string[]): void {
    const list = this.tryTarget();
    if (list === null) return;
    this.batch.calculated();
    this.storeLoaded("isNullObject", false);
    this.storeLoaded("count", list.length);
    const itemPaths: string[] = [];
    let allItemProps = paths.length === 0;
    let wantItems = paths.length === 0;
    for (const path of paths) {
      if (path === "count") continue;
      wantItems = true;
      if (path === "items") allItemProps = true;
      else itemPaths.push(path.startsWith("items/") ? path.slice("items/".length) : path);
    }
    if (!wantItems) return;
    const items = list.map((entity, i) => this.makeItem(entity, i));
    for (const item of items) item.executeLoad(allItemProps ? [] : itemPaths);
    this.storeLoaded("items", items);
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.queue("getCount", [], (list) => result.set(list.length));
    return result;
  }
}
