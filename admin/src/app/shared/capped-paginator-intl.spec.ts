import { CappedPaginatorIntl } from './capped-paginator-intl';

describe(CappedPaginatorIntl.name, () => {
  it('counts a capped total as "10,000+"', () => {
    const sut = new CappedPaginatorIntl();
    const changes: number[] = [];
    sut.changes.subscribe(() => changes.push(1));

    expect(sut.getRangeLabel(1, 50, 1_234)).toBe('51 – 100 of 1,234');
    sut.capped = true;

    expect(sut.getRangeLabel(0, 50, 10_000)).toBe('1 – 50 of 10,000+');
    expect(sut.getRangeLabel(0, 50, 0)).toBe('0 of 10,000+');
    expect(changes).toHaveLength(1);
  });
});
