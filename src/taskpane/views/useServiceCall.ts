// One call to the workbook service as view state: busy while it runs, then its result or its error.
import { useCallback, useRef, useState } from "react";

export interface ServiceCall<A extends unknown[], T> {
  readonly busy: boolean;
  readonly result: T | undefined;
  readonly error: unknown;
  /** Runs the call; resolves to its result, or undefined when it failed (the error is kept, the old result dropped). */
  readonly run: (...args: A) => Promise<T | undefined>;
}

export function useServiceCall<A extends unknown[], T>(call: (...args: A) => Promise<T>): ServiceCall<A, T> {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  // Only the latest run may publish its outcome, so a slow earlier run never overwrites a newer one.
  const latest = useRef(0);
  const callRef = useRef(call);
  callRef.current = call;

  const run = useCallback(async (...args: A) => {
    const id = ++latest.current;
    setBusy(true);
    setError(null);
    try {
      const value = await callRef.current(...args);
      if (id === latest.current) setResult(value);
      return value;
    } catch (caught) {
      if (id === latest.current) {
        setResult(undefined);
        setError(caught ?? new Error("unknown"));
      }
      return undefined;
    } finally {
      if (id === latest.current) setBusy(false);
    }
  }, []);

  return { busy, result, error, run };
}
