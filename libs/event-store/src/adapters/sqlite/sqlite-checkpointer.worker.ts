// The store's checkpointer thread (see threadWriter): its own connection to the file, moving what the writer
// committed to the write-ahead log into the file itself, beside the writer.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyConnectionSettings } from './sqlite-pragmas';

const { filename, everyMs } = workerData as { filename: string; everyMs: number };
const db = new Database(filename);
applyConnectionSettings(db);
const port = parentPort!;

const checkpoint = (): void => {
  try {
    // PASSIVE: as far as no reader needs the log still; never waits for, nor holds up, the writer.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Busy (another connection checkpoints now): the next round. Anything else stops this thread; the
    // writer's own checkpoints, past WAL_AUTOCHECKPOINT_PAGES, carry on without it.
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
  }
};

const timer = setInterval(checkpoint, everyMs);
port.on('message', (request: { op: 'close' }) => {
  if (request.op !== 'close') return;
  clearInterval(timer);
  db.close();
  port.close();
});
