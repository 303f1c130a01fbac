// Thin typed wrappers around the generated tauri-specta `commands`: unwrap each `Result`
// and throw an `ApiError` carrying the backend's `AppError`, so callers use try/catch.
import { commands, events, type AppError, type ErrorKind } from './bindings';

/** The shape tauri-specta gives every command's outcome. */
export type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };

export { events };

/** An error raised by the backend (or the IPC layer), always carrying an `AppError`. */
export class ApiError extends Error {
  readonly appError: AppError;
  constructor(appError: AppError) {
    super(appError.message);
    this.name = 'ApiError';
    this.appError = appError;
  }
  get kind(): ErrorKind {
    return this.appError.kind;
  }
}

const KINDS: readonly ErrorKind[] = [
  'validation', 'not_found', 'not_a_workspace', 'corrupt', 'newer_schema', 'locked',
  'read_only', 'already_exists', 'missing_row', 'nothing_to_undo', 'nothing_to_redo', 'no_workspace',
  'not_allowed', 'io', 'disk_full', 'internal',
];

/** Normalises anything a command may reject with into an `AppError`. */
export function toAppError(raw: unknown): AppError {
  if (raw instanceof ApiError) return raw.appError;
  if (raw && typeof raw === 'object') {
    const r = raw as Partial<AppError>;
    if (typeof r.kind === 'string' && (KINDS as readonly string[]).includes(r.kind)) {
      return {
        kind: r.kind,
        message: typeof r.message === 'string' ? r.message : '',
        fields: Array.isArray(r.fields) ? r.fields : [],
      };
    }
  }
  const message = raw instanceof Error ? raw.message : typeof raw === 'string' ? raw : JSON.stringify(raw);
  return { kind: 'internal', message: message ?? '', fields: [] };
}

type Commands = typeof commands;
type Unwrapped<F> = F extends (...args: infer A) => Promise<Result<infer T, AppError>>
  ? (...args: A) => Promise<T>
  : never;

/** Every backend command, returning its data or throwing `ApiError`. */
export type Api = { [K in keyof Commands]: Unwrapped<Commands[K]> };

function unwrapCommand<A extends unknown[], T>(
  command: (...args: A) => Promise<Result<T, AppError>>,
): (...args: A) => Promise<T> {
  return async (...args: A) => {
    let result: Result<T, AppError>;
    try {
      result = await command(...args);
    } catch (e) {
      throw new ApiError(toAppError(e));
    }
    if (result.status === 'error') throw new ApiError(toAppError(result.error));
    return result.data;
  };
}

export const api = Object.fromEntries(
  Object.entries(commands).map(([name, command]) => [
    name,
    unwrapCommand(command as (...args: unknown[]) => Promise<Result<unknown, AppError>>),
  ]),
) as Api;
