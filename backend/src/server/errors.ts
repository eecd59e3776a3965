import { staleMessage } from '@vozlia/contract';

/** Broken rules as typed errors, mapped to HTTP once, in the app's error handler. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class ValidationError extends AppError {
  constructor(
    message: string,
    code = 'invalid',
    /** The offending field (contract `ApiError.field`), e.g. `status` or `spec.metrics`. */
    readonly field?: string,
  ) {
    super(code, message, 400);
  }
}
export class ForbiddenError extends AppError {
  constructor(message: string, code = 'forbidden') {
    super(code, message, 403);
  }
}
export class NotFoundError extends AppError {
  constructor(message: string, code = 'not_found') {
    super(code, message, 404);
  }
}

/** A write over a version of a document that is no longer the stored one (`If-Match`): 412. */
export class StaleDocumentError extends AppError {
  constructor(what: string) {
    super('stale', staleMessage(what), 412);
  }
}
