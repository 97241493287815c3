import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NODE_FLAGS } from './child-app';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
/** Each `node … dist/apps/…/main.js` command of a file, as the words before the entry file. */
const nodeCommands = (text: string) => [...text.matchAll(/\[\s*["']node["']((?:\s*,\s*["'][^"']*["'])*?)\s*,\s*["']dist\/apps\//g)];
const flagsOf = (command: RegExpMatchArray) => [...command[1]!.matchAll(/["']([^"']*)["']/g)].map((word) => word[1]);

// The bench measures the apps as they run in production: with the flags every way of starting them gives.
describe('the node flags the apps run with', () => {
  it('are the ones npm start gives them (nest-cli.json exec)', () => {
    const { exec } = JSON.parse(read('nest-cli.json')) as { exec?: string };
    expect(exec).toBe(['node', ...APP_NODE_FLAGS].join(' '));
  });

  it.each(['deploy/Dockerfile', 'docker-compose.yml', 'deploy/k8s/gateway.yaml', 'deploy/k8s/orchestrator.yaml', 'deploy/k8s/desk.yaml'])(
    'are the ones %s starts them with',
    (file) => {
      const commands = nodeCommands(read(file));
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands) expect(flagsOf(command)).toEqual(APP_NODE_FLAGS);
    },
  );
});
