/**
 * Node's flags as production runs Regie (`npm start`, and NODE_OPTIONS in deploy/Dockerfile), for the processes the
 * benchmarks and the end-to-end specs start: a young generation of up to 64 MB a semi-space, where Node's default
 * of 16 MB promoted much of a batch's short-lived garbage into the old generation (README, "Node's heap").
 */
export const PRODUCTION_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
