import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ChildApp {
  readonly url: string;
  readonly process: ChildProcess;
  /** SIGKILL: no shutdown hooks, no flush, as a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * The node flags the apps run with, as `npm start` (nest-cli.json's exec), the image, compose and k8s give them: V8's
 * young generation fixed at 32 MB a semi-space. Node 20 grows it to 16 MB at most, and a batch's objects in flight
 * outlived two scavenges there and were copied into the old generation; Node 24 grows it to 64 MB by itself on this
 * machine, and ran no faster with that (README, Tests and benchmarks).
 */
export const APP_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=32', '--max-semi-space-size=32'];

/** Starts Regie roles in a separate Node process (so it can be killed like a real deployment). */
export const startChildApp = (roles: string[], env: NodeJS.ProcessEnv): Promise<ChildApp> =>
  new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'run-roles.ts'), roles, {
      execArgv: [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        ...APP_NODE_FLAGS,
        // REGIE_BENCH_CPU_PROF=<dir>: a V8 CPU profile of the app (written when it stops), as for the bench's own server.
        ...(process.env.REGIE_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.REGIE_BENCH_CPU_PROF}`] : []),
      ],
      env: { ...process.env, REGIE_LOG_LEVEL: 'silent', TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json'), ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) =>
      resolve({
        url: (message as { url: string }).url,
        process: child,
        kill: async () => {
          child.kill('SIGKILL');
          await exited(child);
        },
        stop: async () => {
          child.kill('SIGTERM');
          await exited(child);
        },
      }),
    );
    child.once('exit', (code, signal) => reject(new Error(`app exited before it was ready (${code ?? signal})`)));
  });
