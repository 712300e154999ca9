/** The typed error the app's authed backend client throws on a non-2xx answer. */
export class BackendApiError extends Error {
  override readonly name = 'BackendApiError';
  readonly status: number;
  readonly method: string;
  readonly path: string;

  constructor(status: number, method: string, path: string, message: string) {
    super(message);
    this.status = status;
    this.method = method;
    this.path = path;
  }
}

/** A 404 for a chat message that is already gone (edited or deleted upstream). */
export class MessageNotFoundError extends Error {
  override readonly name = 'MessageNotFoundError';
  readonly provider: string;
  readonly messageId: string;

  constructor(provider: string, messageId: string) {
    super(`message not found on ${provider}: ${messageId}`);
    this.provider = provider;
    this.messageId = messageId;
  }
}

/** jsonwebtoken's `TokenExpiredError` (`jwt.verify` on an expired token). */
export class TokenExpiredError extends Error {
  override readonly name = 'TokenExpiredError';
  readonly expiredAt: Date;

  constructor(message: string, expiredAt: Date) {
    super(message);
    this.expiredAt = expiredAt;
  }
}

/** jsonwebtoken's `JsonWebTokenError` (a malformed or badly signed token: a bug, not a lapse). */
export class JsonWebTokenError extends Error {
  override readonly name = 'JsonWebTokenError';
}

/** jose's `JWTExpired`. */
export class JWTExpired extends Error {
  override readonly name = 'JWTExpired';
  readonly code = 'ERR_JWT_EXPIRED';
}
