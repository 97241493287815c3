import { csvField } from './kpi-csv';

describe('CSV fields', () => {
  it.each([
    [null, ''],
    [0.5556, '0.5556'],
    [-0.03, '-0.03'],
    ['live-chat', 'live-chat'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1+1', "'-1+1"],
  ])('writes %p as %p', (cell, written) => expect(csvField(cell)).toBe(written));
});
