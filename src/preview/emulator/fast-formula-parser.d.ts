// Minimal typings for the parts of fast-formula-parser (MIT, ships no types) that the emulator uses.
declare module "fast-formula-parser" {
  namespace FormulaParser {
    interface CellRef {
      sheet: string;
      row: number;
      col: number;
    }
    interface RangeRef {
      sheet: string;
      from: { row: number; col: number };
      to: { row: number; col: number };
    }
    /** Argument as passed to custom functions: references are already resolved to values. */
    interface FunctionArg {
      value: unknown;
      isArray: boolean;
      omitted?: boolean;
    }
    interface ParserConfig {
      functions?: Record<string, (...args: never[]) => unknown>;
      onCell?: (ref: CellRef) => unknown;
      onRange?: (ref: RangeRef) => unknown[][];
      onVariable?: (name: string, sheetName: string) => CellRef | RangeRef | null;
    }
    class FormulaError extends Error {
      constructor(error: string);
      readonly error: string;
      readonly details: unknown;
      static readonly DIV0: FormulaError;
      static readonly NA: FormulaError;
      static readonly NAME: FormulaError;
      static readonly NUM: FormulaError;
      static readonly REF: FormulaError;
      static readonly VALUE: FormulaError;
    }
    const FormulaHelpers: { retrieveArg(context: unknown, arg: unknown): FunctionArg };
  }
  class FormulaParser {
    constructor(config: FormulaParser.ParserConfig);
    parse(formula: string, position: FormulaParser.CellRef, allowReturnArray?: boolean): unknown;
  }
  export = FormulaParser;
}

declare module "fast-formula-parser/formulas/functions/reference" {
  /** The parser's own reference functions (INDEX, ROW, …), called with the parser context first. */
  const functions: Record<string, (...args: unknown[]) => unknown>;
  export = functions;
}
