/** Error codes the emulator raises; they match OfficeExtension.ErrorCodes / Excel.ErrorCodes. */
export type EmulatorErrorCode =
  | "AccessDenied"
  | "InvalidArgument"
  | "InvalidOperation"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded";

/** Shaped like OfficeExtension.Error so adapter code can branch on `.code`. */
export class EmulatorError extends Error {
  readonly debugInfo: { code: EmulatorErrorCode; message: string; errorLocation?: string };

  constructor(
    readonly code: EmulatorErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

export function fail(code: EmulatorErrorCode, message: string, errorLocation?: string): never {
  throw new EmulatorError(code, message, errorLocation);
}
