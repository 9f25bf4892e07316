import {
  type Page,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  PAGE_OFFSET_MAX,
  PAGE_TOTAL_CAP,
  type PageQuery,
} from '@integron/contracts';
import { type Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IntField } from './query-fields.js';

export class PageQueryDto implements PageQuery {
  @IntField('limit', 1, PAGE_LIMIT_MAX, { default: PAGE_LIMIT_DEFAULT })
  limit?: number;

  @IntField('offset', 0, PAGE_OFFSET_MAX, {
    default: 0,
    description: `Deeper pages are refused: narrow the filters (or export) instead.`,
    maxMessage: `offset must be at most ${PAGE_OFFSET_MAX}: narrow the filters (a channel, a user, a shorter time range) or export the messages instead`,
  })
  offset?: number;
}

/** The OpenAPI shape of a page of `item`s. */
export function PageDtoOf<T>(item: Type<T>) {
  abstract class PageDto implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({
      description: `Matches in all, counted up to ${PAGE_TOTAL_CAP} (see totalCapped).`,
    })
    total!: number;
    @ApiProperty({ description: `true: there are more than ${PAGE_TOTAL_CAP} ("10,000+").` })
    totalCapped!: boolean;
    @ApiProperty({ example: PAGE_LIMIT_DEFAULT }) limit!: number;
    @ApiProperty({ example: 0 }) offset!: number;
  }
  return PageDto;
}
