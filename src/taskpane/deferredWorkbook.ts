// The pane's workbook before the service chunk has arrived: every call waits for it, so the first
// view can be drawn while the chunk (the adapter and the layout it writes) is still loading.
import type { ChiTieuWorkbook } from "../contract/workbook";

export function deferredWorkbook(service: Promise<ChiTieuWorkbook>): ChiTieuWorkbook {
  // Every member of the contract is a method returning a promise, so one forwarding rule serves all.
  return new Proxy({} as ChiTieuWorkbook, {
    get: (_target, member) =>
      async (...args: unknown[]) => {
        const workbook = await service;
        const method = workbook[member as keyof ChiTieuWorkbook] as (...a: unknown[]) => Promise<unknown>;
        return method.apply(workbook, args);
      },
  });
}
