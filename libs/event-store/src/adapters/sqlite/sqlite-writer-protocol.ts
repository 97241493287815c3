import { ExpectedRevisionConflictError } from '../../errors';
import type { SqlWrite } from './sqlite-writes';

/**
 * What the store's writer thread is asked, and what it answers (one reply per request, in order). An append's
 * batch (the `StreamAppend`s) and what it wrote (`AppendWritten`) cross as JSON text: one string is copied
 * between threads at a fraction of the cost of a thousand objects, and the data becomes JSON to be stored anyway.
 */
export type WriterRequest =
  | { readonly id: number; readonly op: 'append'; readonly batch: string; readonly ticket?: number; readonly after?: number }
  | { readonly id: number; readonly op: 'deleteStream'; readonly stream: string }
  | { readonly id: number; readonly op: 'write'; readonly writes: readonly SqlWrite[] }
  | { readonly id: number; readonly op: 'close' };

/** An error crosses the thread as data; a revision conflict keeps its class, which callers test for. */
export type WriterFailure =
  | { readonly conflict: Pick<ExpectedRevisionConflictError, 'stream' | 'expected' | 'actual'> }
  | { readonly name: string; readonly message: string; readonly code?: string };

export type WithoutId<Request> = Request extends unknown ? Omit<Request, 'id'> : never;

export type WriterReply = { readonly id: number; readonly value?: unknown; readonly failure?: WriterFailure };

export const failureOf = (error: unknown): WriterFailure => {
  if (error instanceof ExpectedRevisionConflictError)
    return { conflict: { stream: error.stream, expected: error.expected, actual: error.actual } };
  const { name = 'Error', message = String(error), code } = error as { name?: string; message?: string; code?: unknown };
  return { name, message, ...(typeof code === 'string' && { code }) };
};

export const errorOf = (failure: WriterFailure): Error => {
  if ('conflict' in failure)
    return new ExpectedRevisionConflictError(failure.conflict.stream, failure.conflict.expected, failure.conflict.actual);
  return Object.assign(new Error(failure.message), { name: failure.name, ...(failure.code !== undefined && { code: failure.code }) });
};
