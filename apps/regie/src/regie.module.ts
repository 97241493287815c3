import type { Type } from '@nestjs/common';

/** Feature modules the all-in-one app runs beyond the gateway, orchestrator and desk roles. */
export const REGIE_EXTRA_MODULES: Type[] = [];
