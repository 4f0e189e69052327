/** Assertions for the contract suite: no test framework inside Excel, so a failure is a thrown Error. */

export class ContractFailure extends Error {}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function equal(actual: unknown, expected: unknown, what: string): void {
  if (!same(actual, expected)) throw new ContractFailure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function ok(condition: unknown, what: string): void {
  if (!condition) throw new ContractFailure(what);
}

export function includes(text: unknown, part: string, what: string): void {
  if (typeof text !== "string" || !text.includes(part)) throw new ContractFailure(`${what}: expected text containing ${JSON.stringify(part)}, got ${JSON.stringify(text)}`);
}
