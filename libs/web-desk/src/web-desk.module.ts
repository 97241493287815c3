import { Logger, Module, type DynamicModule, type InjectionToken } from '@nestjs/common';
import type { Identity } from '@regie/auth';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { bundleDeskAssets, findBrowserSources, findPrebuiltAssets, readPrebuiltAssets, type DeskAssets } from './desk-assets';
import { DESK_CONFIG, DeskConfigController, deskConfigOf } from './desk-config';
import { DESK_LABELS, DeskLabelsController, type DeskLabelSource } from './desk-labels';
import { DESK_ASSETS, DeskPagesController } from './desk-pages.controller';

export interface WebDeskOptions {
  /** The modules the label source needs. */
  readonly imports: ModuleImports;
  /** What to inject into `labels`, from those modules. */
  readonly inject: readonly InjectionToken[];
  /** Builds the source of the concept's labels (the app knows where the concept in force lives). */
  readonly labels: (...dependencies: never[]) => DeskLabelSource;
  /** Regie's own tokens (sign-in links) or a provider's (the pages sign in through it); embedded when not given. */
  readonly identity?: Identity;
}

/** From the repository's sources when they are here (npm start), else what `npm run build` bundled (an image). */
const loadAssets = async (): Promise<DeskAssets> => {
  const sources = findBrowserSources();
  if (sources) return bundleDeskAssets(sources);
  const prebuilt = findPrebuiltAssets();
  if (prebuilt) return readPrebuiltAssets(prebuilt);
  new Logger('web-desk').warn('neither the web desk sources nor its bundled pages (npm run build) are here: its pages are not served');
  return new Map();
};

/** The web pages for agents, supervisors and managers, served at `/` by the desk and the embedded app. */
@Module({})
export class WebDeskModule {
  static forRoot(options: WebDeskOptions): DynamicModule {
    return {
      module: WebDeskModule,
      imports: [...options.imports],
      controllers: [DeskPagesController, DeskLabelsController, DeskConfigController],
      providers: [
        { provide: DESK_ASSETS, useFactory: loadAssets },
        { provide: DESK_CONFIG, useValue: deskConfigOf(options.identity) },
        { provide: DESK_LABELS, inject: [...options.inject], useFactory: options.labels as (...deps: unknown[]) => DeskLabelSource },
      ],
    };
  }
}
