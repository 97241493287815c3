import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { ingestOverHttp } from './ingest-bench';

export const SOAK_WINDOW = 100_000;

export interface SoakWindow {
  readonly from: number;
  readonly to: number;
  readonly eventsPerSecond: number;
  /** Resident set of the server process after the window, in MB. */
  readonly rssMb: number;
  /** Of which the JS heap in use, from the server's /metrics (`regie_nodejs_heap_size_used_bytes`), in MB. */
  readonly heapMb: number;
  /** The JS heap V8 holds, used or not (`regie_nodejs_heap_size_total_bytes`), in MB: the rest of the RSS is outside it. */
  readonly heapTotalMb: number;
  /** Events recorded that the escalation processor had not yet handled when the window ended (its checkpoint behind the head). */
  readonly escalationBehind: number;
}

/** How far the escalation processor's checkpoint is behind the store's head, read from the store file. */
export const escalationBehind = (filename: string): number => {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    const head = db.prepare<[], { position: number }>('SELECT MAX(position) AS position FROM events').get()?.position ?? 0;
    const checkpoint = db.prepare<[], { position: number }>("SELECT position FROM checkpoints WHERE name = 'escalation'").get();
    return head - (checkpoint?.position ?? 0);
  } finally {
    db.close();
  }
};

/** The JS heap of the server, in use and held, as its /metrics tells it, in MB. */
const heapOf = async (url: string): Promise<{ readonly used: number; readonly total: number }> => {
  const lines = (await (await fetch(`${url}/metrics`)).text()).split('\n');
  const mb = (name: string): number => {
    const line = lines.find((entry) => entry.startsWith(`${name} `));
    return line ? Number(line.split(' ')[1]) / 1024 / 1024 : Number.NaN;
  };
  return { used: mb('regie_nodejs_heap_size_used_bytes'), total: mb('regie_nodejs_heap_size_total_bytes') };
};

/**
 * CPU time of a process (user and system, all its threads), or of one of its threads (`thread`: its id; the main
 * thread's is the process id), from /proc (Linux), in ms: the server's work per event, which other processes on the
 * machine change far less than they change its wall-clock rate.
 */
export const cpuMsOf = (pid: number, thread?: number): number => {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 per second).
  const stat = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const fields = readFileSync(stat, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** CPU time of each of a process's threads, in ms, by thread id. */
export const threadCpuMsOf = (pid: number): Map<number, number> =>
  new Map(
    readdirSync(`/proc/${pid}/task`).flatMap((thread) => {
      try {
        return [[Number(thread), cpuMsOf(pid, Number(thread))] as const];
      } catch {
        return []; // a thread that ended between the listing and the read
      }
    }),
  );

/**
 * A thread's time on a core and its time waiting for one (runnable, but every core busy), from the scheduler's
 * statistics (/proc/…/schedstat, Linux), in ms; undefined where the kernel keeps none.
 */
export const scheduledMsOf = (pid: number, thread = pid): { readonly onCore: number; readonly waiting: number } | undefined => {
  try {
    const [onCore, waiting] = readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ').map(Number);
    return onCore! > 0 ? { onCore: onCore! / 1e6, waiting: waiting! / 1e6 } : undefined;
  } catch {
    return undefined;
  }
};

/** The machine's CPU time so far, busy and in all, in clock ticks, from /proc/stat (Linux): every core, every process. */
export const machineTicks = (): { readonly busy: number; readonly all: number } => {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const all = ticks.slice(0, 8).reduce((sum, tick) => sum + tick, 0); // user … steal; guest time is counted in user
  return { busy: all - ticks[3]! - ticks[4]!, all }; // less idle and iowait
};

/** The server's resident set, from /proc (Linux), in MB. */
export const rssOf = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : Number.NaN;
};

/**
 * `total` events over HTTP into one server, {@link SOAK_WINDOW} at a time (bodies built per
 * window, so the load generator stays small): the rate and the server's RSS after each window.
 */
export const soak = async (
  url: string,
  token: string,
  pid: number,
  storeFile: string,
  shape: { readonly total: number; readonly batch: number; readonly concurrency: number; readonly customers: number },
  onWindow: (window: SoakWindow) => void,
): Promise<SoakWindow[]> => {
  const windows: SoakWindow[] = [];
  for (let from = 0; from < shape.total; from += SOAK_WINDOW) {
    const count = Math.min(SOAK_WINDOW, shape.total - from);
    const { eventsPerSecond } = await ingestOverHttp(url, token, count, shape.batch, shape.concurrency, shape.customers, from);
    const heap = await heapOf(url);
    const window = {
      from,
      to: from + count,
      eventsPerSecond,
      rssMb: rssOf(pid),
      heapMb: heap.used,
      heapTotalMb: heap.total,
      escalationBehind: escalationBehind(storeFile),
    };
    windows.push(window);
    onWindow(window);
  }
  return windows;
};
