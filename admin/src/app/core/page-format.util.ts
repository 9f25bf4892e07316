import { type Page } from '@integron/contracts';

const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

export function formatCount(count: number): string {
  return NUMBER_FORMAT.format(count);
}

/** `10,000+` when the server stopped counting, else the total. */
export function formatTotal(page: Pick<Page<unknown>, 'total' | 'totalCapped'>): string {
  return `${formatCount(page.total)}${page.totalCapped ? '+' : ''}`;
}
