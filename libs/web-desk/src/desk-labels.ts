import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { Controller, Get, Inject } from '@nestjs/common';
import { ROLES, Roles } from '@regie/auth';

/** How the organisation names its layers and channels: the service concept's own labels. */
export interface DeskLabels {
  readonly organisation?: string;
  readonly layers: readonly { readonly id: string; readonly label: string }[];
  readonly channels: readonly { readonly id: string; readonly layer: string; readonly label: string }[];
}

/** Reads the labels in force when asked, so that a revision of the concept shows at once. */
export type DeskLabelSource = () => DeskLabels;

export const DESK_LABELS = Symbol('DESK_LABELS');

/** Everyone who works at the desk; platforms (`channel`) have no page. */
const DESK_ROLES = ROLES.filter((role) => role !== 'channel');

/**
 * Labels for every signed-in desk role. `GET /v1/service-concept` is for supervisors only, but an
 * agent's page, too, must name channels and layers as the organisation does.
 */
@ApiTags('web-desk')
@Controller('desk/labels')
export class DeskLabelsController {
  constructor(@Inject(DESK_LABELS) private readonly labels: DeskLabelSource) {}

  @Get()
  @Roles(...DESK_ROLES)
  @ApiRoute({
    summary: "The concept's labels of layers and channels, for the web desk's pages",
    response: { schema: { type: 'object', required: ['layers', 'channels'], additionalProperties: true } },
  })
  get(): DeskLabels {
    const { organisation, layers, channels } = this.labels();
    return {
      ...(organisation !== undefined && { organisation }),
      layers: layers.map(({ id, label }) => ({ id, label })),
      channels: channels.map(({ id, layer, label }) => ({ id, layer, label })),
    };
  }
}
