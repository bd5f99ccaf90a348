/** Server errors carrying mongod's numeric code and codeName, turned into `{ok: 0, ...}` replies. */

export const CODE_NAMES: Record<number, string> = {
  1: "InternalError",
  2: "BadValue",
  4: "NoSuchKey",
  9: "FailedToParse",
  11: "UserNotFound",
  14: "TypeMismatch",
  20: "IllegalOperation",
  26: "NamespaceNotFound",
  27: "IndexNotFound",
  40: "ConflictingUpdateOperators",
  43: "CursorNotFound",
  47: "NoMatchingDocument",
  48: "NamespaceExists",
  52: "DollarPrefixedFieldName",
  59: "CommandNotFound",
  66: "ImmutableField",
  67: "CannotCreateIndex",
  73: "InvalidNamespace",
  85: "IndexOptionsConflict",
  86: "IndexKeySpecsConflict",
  112: "WriteConflict",
  115: "CommandNotSupported",
  121: "DocumentValidationFailure",
  166: "CommandNotSupportedOnView",
  197: "InvalidIndexSpecificationOption",
  2_00: "PathNotViable",
  225: "TransactionTooOld",
  251: "NoSuchTransaction",
  256: "TransactionCommitted",
  260: "InvalidResumeToken",
  263: "OperationNotSupportedInTransaction",
  280: "ChangeStreamFatalError",
  286: "ChangeStreamHistoryLost",
  290: "TransactionExceededLifetimeLimitSeconds",
  292: "CursorInUse",
  10334: "BSONObjectTooLarge",
  11000: "DuplicateKey",
  40415: "Location40415",
  51024: "Location51024",
};

export class MongoError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra fields mongod puts on the error (keyPattern, keyValue, errInfo, ...). */
  readonly extra: Record<string, unknown>;

  constructor(code: number, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.codeName = CODE_NAMES[code] ?? `Location${code}`;
    this.extra = extra;
  }
}

export function toMongoError(error: unknown): MongoError {
  if (error instanceof MongoError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // mingo reports unsupported operators and bad arguments as plain Errors: surface them as BadValue,
  // except the ones mongod gives their own code.
  if (message.startsWith("Use of undefined variable")) return new MongoError(17276, message);
  return new MongoError(2, message);
}

/** The `{ok: 0}` reply body for a failed command. */
export function errorReply(error: unknown): Record<string, unknown> {
  const e = toMongoError(error);
  return { ok: 0, errmsg: e.message, code: e.code, codeName: e.codeName, ...e.extra };
}
