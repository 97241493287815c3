import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Client libraries of the adapters a process uses only when its configuration chooses them. */
const SERVER_CLIENTS = ['pg', 'kafkajs', '@eventstore/db-client', '@grpc/grpc-js'];

describe('what the embedded app loads', () => {
  it('loads no client library of a server it is not configured for (they took a tenth of every start)', () => {
    const root = join(__dirname, '..', '..');
    // The app's module graph, required as a start requires it, in a process of its own: jest's registry is not Node's.
    const script = `
      require(${JSON.stringify(join(root, 'apps/regie/src/regie.module'))});
      const packages = Object.keys(require.cache).map((file) => (file.match(/node_modules\\/((@[^/]+\\/)?[^/]+)\\//) ?? [])[1]);
      process.stdout.write(JSON.stringify([...new Set(packages.filter((name) => name !== undefined))]));`;
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    const loaded = JSON.parse(run.stdout) as string[];
    expect(loaded).toContain('@nestjs/core'); // the graph was loaded at all
    expect(loaded.filter((name) => SERVER_CLIENTS.includes(name))).toEqual([]);
  });
});
