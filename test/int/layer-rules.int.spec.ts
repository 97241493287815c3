import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = join(__dirname, '../..');
const cruiser = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** A throwaway tree with the repo's layout, the repo's rules and one wrong import per file. */
const tree = (files: Readonly<Record<string, string>>): string => {
  const root = mkdtempSync(join(tmpdir(), 'regie-layers-'));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        baseUrl: '.',
        paths: { '@regie/http': ['libs/http/src'], '@regie/cases': ['libs/cases/src'], '@regie/journey': ['libs/journey/src'] },
      },
    }),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
};

const violations = async (root: string): Promise<string[]> => {
  const config = join(repo, '.dependency-cruiser.js');
  const result = await run(process.execPath, [cruiser, 'libs', '--config', config, '--output-type', 'json'], { cwd: root }).catch(
    (error: { stdout: string }) => error,
  );
  const report = JSON.parse(result.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return report.summary.violations.map(({ rule, from }) => `${rule.name} ${from}`);
};

describe('the layer rules (npm run lint:deps)', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('pass a tree that keeps them', async () => {
    root = tree({
      'libs/journey/src/index.ts': "export * from './domain/journey';\n",
      'libs/journey/src/domain/journey.ts': 'export type Journey = { readonly id: string };\n',
      'libs/cases/src/domain/case.ts':
        "import type { Journey } from '@regie/journey';\nexport type Case = { readonly journey: Journey };\n",
    });
    expect(await violations(root)).toEqual([]);
  });

  it('refuse a domain file that imports Nest', async () => {
    root = tree({ 'libs/cases/src/domain/case.ts': "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n" });
    expect(await violations(root)).toContain('domain-is-pure libs/cases/src/domain/case.ts');
  });

  it("refuse a context that imports another's internals", async () => {
    root = tree({
      'libs/cases/src/application/board.ts': 'export const board = 1;\n',
      'libs/journey/src/application/reader.ts': "import { board } from '../../../cases/src/application/board';\nexport const x = board;\n",
    });
    expect(await violations(root)).toContain('contexts-meet-through-their-index libs/journey/src/application/reader.ts');
  });

  it('refuse a handler that imports @regie/http', async () => {
    root = tree({
      'libs/http/src/index.ts': 'export const problem = 1;\n',
      'libs/cases/src/application/claim/claim-case.handler.ts': "import { problem } from '@regie/http';\nexport const x = problem;\n",
    });
    expect(await violations(root)).toContain('handlers-know-no-http libs/cases/src/application/claim/claim-case.handler.ts');
  });

  it("refuse a domain that uses another context's code rather than its types", async () => {
    root = tree({
      'libs/journey/src/index.ts': 'export const journeyDecider = 1;\n',
      'libs/cases/src/domain/saga.ts': "import { journeyDecider } from '@regie/journey';\nexport const x = journeyDecider;\n",
    });
    expect(await violations(root)).toContain('domain-uses-other-contexts-for-types-only libs/cases/src/domain/saga.ts');
  });
});
