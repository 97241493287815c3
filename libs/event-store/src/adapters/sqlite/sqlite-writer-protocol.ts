import { ExpectedRevisionConflictError } from '../../errors';
import type { EncodedBatch } from './sqlite-batch';
import type { SqlWrite } from './sqlite-writes';

/**
 * What the store's writer thread is asked, and what it answers (one reply per request, in order). An append's
 * batch crosses as flat arrays of strings and numbers (`EncodedBatch`), and what it wrote (`AppendWritten`) comes
 * back as such: objects per event cost more to clone than their JSON text, and one JSON text of the whole batch
 * more again (JSON.stringify builds large texts in pieces, joined when the text is first read: at the copy).
 */
export type WriterRequest =
  | {
      readonly id: number;
      readonly op: 'append';
      readonly batch: EncodedBatch;
      readonly ticket?: number;
      readonly after?: number;
    }
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
