// Typings for fast-formula-parser's internal operator table (formulas/operators.js), which the grammar calls for
// every infix, prefix and postfix operator. formulaSemantics.ts replaces these methods at run time.
declare module "fast-formula-parser/formulas/operators" {
  export const Prefix: {
    unaryOp: (prefixes: string[], value: unknown, isArray: boolean) => unknown;
  };
  export const Postfix: {
    percentOp: (value: unknown, postfix: string, isArray: boolean) => unknown;
  };
  export const Infix: {
    compareOp: (value1: unknown, infix: string, value2: unknown, isArray1: boolean, isArray2: boolean) => unknown;
    concatOp: (value1: unknown, infix: string, value2: unknown, isArray1: boolean, isArray2: boolean) => unknown;
    mathOp: (value1: unknown, infix: string, value2: unknown, isArray1: boolean, isArray2: boolean) => unknown;
  };
}
