import { WorkbookModel } from "./cellStore";
import { EmulatorError, fail } from "./errors";
import { recalculate } from "./formulaEngine";

/** The serialisable part of a queued operation; its JSON size is what a sync "sends". */
export interface QueuedRequest {
  path: string;
  action: string;
  args: unknown[];
}

export interface SyncStats {
  syncs: number;
  requestBytes: number[];
}

export interface BatchSettings {
  latencyMs: number;
  maxRequestBytes: number;
}

/** One Excel.run: a queue of operations flushed by sync(), like OfficeExtension.ClientRequestContext. */
export class Batch {
  private queue: { request: QueuedRequest; run: () => void }[] = [];

  constructor(
    readonly model: WorkbookModel,
    private readonly stats: SyncStats,
    private readonly settings: BatchSettings,
  ) {}

  enqueue(request: QueuedRequest, run: () => void): void {
    this.queue.push({ request, run });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Formula results are recomputed lazily, before anything reads them. */
  calculated(): WorkbookModel {
    recalculate(this.model);
    return this.model;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.stats.syncs++;
    // TextEncoder rather than Buffer: the emulator also runs in the browser (preview workbench).
    const bytes = new TextEncoder().encode(JSON.stringify(ops.map((op) => op.request))).length;
    this.stats.requestBytes.push(bytes);
    await new Promise<void>((resolve) => setTimeout(resolve, this.settings.latencyMs));
    if (bytes > this.settings.maxRequestBytes) {
      fail("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) exceeds the limit.`);
    }
    // Operations before a failing one stay applied, as in Excel.
    for (const op of ops) {
      try {
        op.run();
      } catch (e) {
        if (e instanceof EmulatorError) throw new EmulatorError(e.code, e.message, `${op.request.path}.${op.request.action}`);
        throw e;
      }
    }
  }
}

/** Result of a method such as getCount(): readable after the sync that executed it. */
export class ClientResult<T> {
  private result: { value: T } | undefined;

  set(value: T): void {
    this.result = { value };
  }

  get value(): T {
    if (!this.result) return fail("PropertyNotLoaded", "The value of the result object has not been loaded yet. Call context.sync() first.");
    return this.result.value;
  }
}
