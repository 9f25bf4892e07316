import { type OverlayBadgeImage, type OverlayBadgeImages } from '@integron/contracts';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

const IMAGE = 'https://static-cdn.jtvnw.net/badges/v1/4e2c8a1f-7b3d-4f6e-9a05-c81d2e6b7f30';

export class OverlayBadgeImageDto implements OverlayBadgeImage {
  @ApiProperty({ description: '18 px.', example: `${IMAGE}/1` }) url1x!: string;
  @ApiProperty({ description: '36 px.', example: `${IMAGE}/2` }) url2x!: string;
  @ApiProperty({ description: '72 px.', example: `${IMAGE}/3` }) url4x!: string;
  @ApiProperty({ example: '1-Year Subscriber' }) title!: string;
}

@ApiExtraModels(OverlayBadgeImageDto)
export class OverlayBadgeImagesDto implements OverlayBadgeImages {
  @ApiProperty({
    type: 'object',
    description:
      "By badge set, then version (as chat's badges name them: `subscriber/3012` is `badges.subscriber['3012']`). Twitch's global badges with the channel's own over them; badges Twitch could not be asked for are left out.",
    additionalProperties: {
      type: 'object',
      additionalProperties: { $ref: getSchemaPath(OverlayBadgeImageDto) },
    },
    example: {
      subscriber: {
        '12': {
          url1x: `${IMAGE}/1`,
          url2x: `${IMAGE}/2`,
          url4x: `${IMAGE}/3`,
          title: '1-Year Subscriber',
        },
      },
    },
  })
  badges!: OverlayBadgeImages['badges'];
}
