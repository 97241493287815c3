import { writeFileSync } from 'node:fs';
import { startHarness, type RegieHarness } from '../support/regie-harness';

describe('scratch', () => {
  let regie: RegieHarness;
  beforeAll(async () => {
    regie = await startHarness();
  });
  afterAll(() => regie.stop());
  it('dumps', async () => {
    const res = await regie.http.get('/openapi.json');
    writeFileSync('/tmp/apidocs/openapi.json', JSON.stringify(res.body, null, 2));
    expect(res.status).toBe(200);
  });
});
