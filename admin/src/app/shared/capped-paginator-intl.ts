import { Injectable, type Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { PAGE_TOTAL_CAP } from '@integron/contracts';

import { formatCount } from '../core/page-format.util';

/**
 * The paginator's "1 – 50 of 10,000+" when the server stopped counting (`totalCapped`). Provide
 * it in the page with `provideCappedPaginator()` and set `capped` with each page.
 */
@Injectable()
export class CappedPaginatorIntl extends MatPaginatorIntl {
  private isCapped = false;

  set capped(capped: boolean) {
    if (capped !== this.isCapped) {
      this.isCapped = capped;
      this.changes.next();
    }
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const total = this.isCapped
      ? `${formatCount(Math.max(length, PAGE_TOTAL_CAP))}+`
      : formatCount(length);
    if (length === 0 || pageSize === 0) {
      return `0 of ${total}`;
    }
    const start = page * pageSize;
    const end = Math.min(start + pageSize, length);
    return `${formatCount(start + 1)} – ${formatCount(end)} of ${total}`;
  };
}

export function provideCappedPaginator(): Provider[] {
  return [CappedPaginatorIntl, { provide: MatPaginatorIntl, useExisting: CappedPaginatorIntl }];
}
