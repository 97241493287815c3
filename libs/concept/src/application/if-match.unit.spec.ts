import { parseIfMatch } from './if-match';

describe('If-Match', () => {
  it('matches any revision with *', () => {
    expect(parseIfMatch('*')).toEqual({ any: true });
    expect(parseIfMatch(' * ')).toEqual({ any: true });
  });

  it('reads one strong ETag, or a list of them', () => {
    expect(parseIfMatch('"3"')).toEqual({ revisions: [3] });
    expect(parseIfMatch('"1", "2" ,"5"')).toEqual({ revisions: [1, 2, 5] });
  });

  it('lets weak and foreign tags match nothing (strong comparison)', () => {
    expect(parseIfMatch('W/"3"')).toEqual({ revisions: [] });
    expect(parseIfMatch('"abc", W/"1", "2"')).toEqual({ revisions: [2] });
    expect(parseIfMatch('"-1"')).toEqual({ revisions: [] });
  });

  it.each(['3', '', '"3', '"3" "4"', '*, "3"', '"a b"', 'W/3'])('refuses %j as malformed', (header) =>
    expect(parseIfMatch(header)).toEqual({ invalid: expect.stringMatching(/ETags/) }),
  );
});
