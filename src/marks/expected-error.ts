import { read } from '../event/guarded-read.js';

/** What happens to a typed expected error: dropped outright, or demoted to a breadcrumb. */
export type ExpectedAction = 'drop' | 'breadcrumb';

/** The mark a typed expected error carries. */
export interface ExpectedMark {
  readonly kind: string;
  readonly action: ExpectedAction;
}

/** Options of `markExpected` and `new ExpectedError()`. */
export interface ExpectedOptions {
  /**
   * `drop` (never sent) or `breadcrumb` (not sent; the next event shows it in its trail).
   * @default 'breadcrumb'
   */
  readonly action?: ExpectedAction;
}

// Symbol.for: the same key in every installed copy of the package, so a mark made by one copy is read
// by another (an app and a library can each bundle their own).
const MARK = Symbol.for('sentry-expected-errors.expected');
const MARKS_REGISTRY = Symbol.for('sentry-expected-errors.marks');
/** How far a `cause` chain is searched for a mark. */
const MAX_CAUSE_DEPTH = 8;

/**
 * An error for an expected state, thrown where the app knows it is expected. The integration demotes it
 * (or drops it) by its kind, without matching any text.
 *
 * @example
 * if (response.status === 401) throw new ExpectedError('session_expired', `${method} ${path}: session token rejected`);
 */
export class ExpectedError extends Error {
  readonly kind: string;
  readonly action: ExpectedAction;

  constructor(kind: string, message: string, options: ExpectedOptions & { readonly cause?: unknown } = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'ExpectedError';
    this.kind = kind;
    this.action = options.action ?? 'breadcrumb';
    Object.defineProperty(this, MARK, { value: { kind, action: this.action } satisfies ExpectedMark });
  }

  /** True for an `ExpectedError` from any installed copy of this package. */
  static isInstance(value: unknown): value is ExpectedError {
    return value instanceof Error && readOwnMark(value) !== undefined && 'kind' in value && 'action' in value;
  }
}

/**
 * Marks an existing error (e.g. a typed 401 from your API client) as an expected state and returns it, so
 * it can be rethrown as is. The mark is a non-enumerable symbol: it never shows in logs or serialized
 * events.
 *
 * @example
 * throw markExpected(new BackendApiError('unauthorized', method, path), 'session_expired');
 */
export function markExpected<T>(error: T, kind: string, options: ExpectedOptions = {}): T {
  if (typeof error !== 'object' || error === null || typeof kind !== 'string' || kind.length === 0)
    return error;
  const mark: ExpectedMark = { kind, action: options.action ?? 'breadcrumb' };
  try {
    Object.defineProperty(error, MARK, { value: mark, configurable: true });
  } catch {
    // A frozen or non-extensible error cannot carry the symbol; remember it in a shared registry instead.
    marksRegistry().set(error, mark);
  }
  return error;
}

/** The expected-state mark of an error or of any error in its `cause` chain, if it has one. */
export function expectedMarkOf(error: unknown): ExpectedMark | undefined {
  let current = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && typeof current === 'object' && current !== null; depth++) {
    const mark = readOwnMark(current);
    if (mark) return mark;
    // A throwing `cause` getter ends the search instead of failing the whole classification.
    current = read(current, 'cause');
  }
  return undefined;
}

function readOwnMark(error: object): ExpectedMark | undefined {
  const mark = read(error, MARK) ?? registryIfCreated()?.get(error);
  if (typeof mark !== 'object' || mark === null) return undefined;
  const { kind, action } = mark as Partial<ExpectedMark>;
  if (typeof kind !== 'string' || (action !== 'drop' && action !== 'breadcrumb')) return undefined;
  return { kind, action };
}

type Registry = WeakMap<object, ExpectedMark>;

function registryIfCreated(): Registry | undefined {
  return (globalThis as Record<symbol, Registry | undefined>)[MARKS_REGISTRY];
}

function marksRegistry(): Registry {
  const holder = globalThis as Record<symbol, Registry | undefined>;
  holder[MARKS_REGISTRY] ??= new WeakMap();
  return holder[MARKS_REGISTRY];
}
