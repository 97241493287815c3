import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NODE_FLAGS } from './child-app';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
/** Each `["node", …, "dist/apps/…"]` command of a file, as the words between node and the entry file. */
const nodeCommands = (text: string) => [...text.matchAll(/\[\s*["']node["']((?:\s*,\s*["'][^"']*["'])*?)\s*,\s*["']dist\/apps\//g)];
const flagsOf = (command: RegExpMatchArray) => [...command[1]!.matchAll(/["']([^"']*)["']/g)].map((word) => word[1]);
/** Lines that start an app, comments aside: each must be one of the commands above. */
const launches = (text: string) => text.match(/^[^#\n]*dist\/apps\//gm)?.length ?? 0;

const launchFiles = [
  'deploy/Dockerfile',
  'docker-compose.yml',
  ...readdirSync(join(ROOT, 'deploy/k8s'))
    .filter((file) => file.endsWith('.yaml') && launches(read(`deploy/k8s/${file}`)) > 0)
    .map((file) => `deploy/k8s/${file}`),
];

// The bench measures the apps as they run in production: with the flags every way of starting them gives.
describe('the node flags the apps run with', () => {
  it('are the ones npm start gives them (nest-cli.json exec, no project of its own)', () => {
    const { exec, projects } = JSON.parse(read('nest-cli.json')) as { exec?: string; projects: Record<string, { exec?: string }> };
    expect(exec).toBe(['node', ...APP_NODE_FLAGS].join(' '));
    expect(Object.values(projects).filter((project) => project.exec !== undefined)).toEqual([]);
  });

  it('are looked for in the image, compose and every k8s workload', () => {
    expect(launchFiles).toEqual(
      expect.arrayContaining(['deploy/k8s/gateway.yaml', 'deploy/k8s/orchestrator.yaml', 'deploy/k8s/desk.yaml']),
    );
  });

  it.each(launchFiles)('are the ones %s starts every app with', (file) => {
    const text = read(file);
    const commands = nodeCommands(text);
    expect(commands).toHaveLength(launches(text));
    for (const command of commands) expect(flagsOf(command)).toEqual(APP_NODE_FLAGS);
  });
});
