// Runs one durable projection over a SQLite store in its own process, so a test can kill it mid catch-up.
import { projectionNamed } from '@regie/measurement';
import { runProjection, SqliteEventStore, SqliteProjectionStore } from '@regie/event-store';

const [filename, name, saveEvery] = process.argv.slice(2);
const store = new SqliteEventStore({ filename: String(filename) });
const projection = projectionNamed(String(name));
if (!projection) throw new Error(`no projection ${name}`);
void runProjection(store, new SqliteProjectionStore(store), projection, { saveEvery: Number(saveEvery ?? 100) }).then(() =>
  process.send?.('running'),
);
