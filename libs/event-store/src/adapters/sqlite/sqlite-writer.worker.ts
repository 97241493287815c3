// The store's writer thread (see threadWriter): its own connection to the file, one request at a time.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyConnectionSettings, applyStorePragmas } from './sqlite-pragmas';
import { failureOf, type WriterReply, type WriterRequest } from './sqlite-writer-protocol';
import { SqliteWrites } from './sqlite-writes';

const db = new Database((workerData as { filename: string }).filename);
applyStorePragmas(db);
applyConnectionSettings(db);
const writes = new SqliteWrites(db);
const port = parentPort!;

const handle = (request: WriterRequest): unknown => {
  switch (request.op) {
    case 'append':
      return writes.append(request.batch, request.ticket, request.after);
    case 'deleteStream':
      return writes.deleteStream(request.stream);
    case 'write':
      return writes.write(request.writes);
    case 'close':
      db.close();
      return undefined;
  }
};

port.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    reply = { id: request.id, value: handle(request) };
  } catch (error) {
    reply = { id: request.id, failure: failureOf(error) };
  }
  port.postMessage(reply);
  if (request.op === 'close') port.close();
});
