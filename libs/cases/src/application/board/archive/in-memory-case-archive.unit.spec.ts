import { describeCaseArchiveContract } from './testing/case-archive.contract';
import { InMemoryCaseArchive } from './in-memory-case-archive';

describeCaseArchiveContract('in-memory', async () => {
  const archive = new InMemoryCaseArchive(true);
  return { archive, other: archive, dispose: async () => undefined };
});
