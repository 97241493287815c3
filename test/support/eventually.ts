/** Polls `probe` until it stops throwing (an expectation) or `timeoutMs` passes; then rethrows the last failure. */
export const eventually = async <T>(probe: () => Promise<T> | T, timeoutMs = 10_000, intervalMs = 25): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
};
