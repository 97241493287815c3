import { ApiExcludeController } from '@nestjs/swagger';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { Public } from '@regie/auth';
import { ProblemException } from '@regie/http';
import type { Response } from 'express';
import { assetUrl, chunksOf, DESK_ENTRIES, isVersioned, type DeskAssets, type DeskEntry } from './desk-assets';
import { connectSourcesOf, DESK_CONFIG, type DeskConfig } from './desk-config';
import { deskPage, deskSecurityHeaders } from './desk-page';

export const DESK_ASSETS = Symbol('DESK_ASSETS');

/**
 * The web desk's pages and their scripts. Public like /health: they hold no data, and every figure
 * they show comes from the API with the reader's own token. HTML, not API: left out of the OpenAPI document.
 */
@ApiExcludeController()
@Controller()
@Public()
export class DeskPagesController {
  private readonly headers: Readonly<Record<string, string>>;
  /** Each page's shell, written once: the bundle and the config do not change while the app runs. */
  private readonly pages: ReadonlyMap<DeskEntry, string>;

  constructor(
    @Inject(DESK_ASSETS) private readonly assets: DeskAssets,
    @Inject(DESK_CONFIG) config: DeskConfig,
  ) {
    this.headers = deskSecurityHeaders(connectSourcesOf(config));
    const url = (name: string) => assetUrl(assets, name);
    this.pages = new Map(DESK_ENTRIES.map((entry) => [entry, deskPage(entry, { chunks: chunksOf(assets, entry), config, url })]));
  }

  @Get()
  home(@Res() response: Response): void {
    this.page(response, 'home');
  }

  @Get('agent')
  agent(@Res() response: Response): void {
    this.page(response, 'agent');
  }

  @Get('supervisor')
  supervisor(@Res() response: Response): void {
    this.page(response, 'supervisor');
  }

  @Get('manager')
  manager(@Res() response: Response): void {
    this.page(response, 'manager');
  }

  @Get('desk/assets/:name')
  asset(@Param('name') name: string, @Query('v') version: unknown, @Res() response: Response): void {
    const asset = this.assets.get(name);
    if (!asset) throw ProblemException.notFound(`the web desk has no file ${name}`);
    // The pages name each file with its version: that address never changes, so the browser keeps it.
    const caching = isVersioned(name, asset, version) ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.set(this.headers).set('Cache-Control', caching).type(asset.contentType).send(asset.body);
  }

  private page(response: Response, entry: DeskEntry): void {
    response.set(this.headers).set('Cache-Control', 'no-cache').type('html').send(this.pages.get(entry));
  }
}
