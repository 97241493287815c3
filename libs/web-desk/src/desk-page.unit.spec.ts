import { deskPage } from './desk-page';

describe('a desk page shell', () => {
  it('loads its script with the chunks it imports beside it', () => {
    const page = deskPage('agent', { chunks: ['chunk-A1.js', 'chunk-B2.js'] });
    expect(page).toContain('<script type="module" src="/desk/assets/agent.js"></script>');
    expect(page.match(/<link rel="modulepreload" href="\/desk\/assets\/chunk-\w+\.js">/g)).toEqual([
      '<link rel="modulepreload" href="/desk/assets/chunk-A1.js">',
      '<link rel="modulepreload" href="/desk/assets/chunk-B2.js">',
    ]);
  });

  it('carries the config as a data block that nothing in it can close or turn into markup', () => {
    const config = { roles: { claim: 'roles', map: { '</script><script>alert(1)</script>': 'agent & <b>' } } };
    const page = deskPage('manager', { config });
    const block = /<script type="application\/json" id="desk-config">(.*)<\/script>/.exec(page)![1];
    expect(block).not.toMatch(/[<>&]/);
    expect(JSON.parse(block)).toEqual(config);
    expect(page.match(/<script/g)).toHaveLength(2);
  });

  it('is the bare shell without parts', () => {
    const page = deskPage('home');
    expect(page).not.toContain('modulepreload');
    expect(page).not.toContain('desk-config');
  });
});
