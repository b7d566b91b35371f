/** Error codes that cross the boundary. The renderer turns each into a message in the user's language. */
export const ERROR_CODES = [
  'invalid_request',
  'unknown_method',
  'not_found',
  'conflict',
  'validation_failed',
  'import_failed',
  'forbidden',
  'no_profile',
  'cancelled',
  'io_failed',
  'corrupt_workspace',
  'disconnected',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Thrown by services and by the client proxy; carried over the wire as an error envelope, never as a thrown error. */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.details = details;
  }

  toBody(): RpcErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromBody(body: RpcErrorBody): RpcError {
    return new RpcError(body.code, body.message, body.details);
  }
}

export function toErrorBody(error: unknown): RpcErrorBody {
  if (error instanceof RpcError) return error.toBody();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
