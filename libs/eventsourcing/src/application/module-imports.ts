import type { DynamicModule, Type } from '@nestjs/common';

/**
 * The modules a context module is handed by the app that composes it. Nothing in Regie is global:
 * a module imports exactly these, so what it depends on is written where it is composed.
 */
export type ModuleImports = readonly (Type | DynamicModule)[];
