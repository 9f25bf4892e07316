import { convertToParamMap } from '@angular/router';

import {
  NO_EVENTS_FILTER,
  filterFromParams,
  filterToParams,
  isFiltered,
  listQuery,
  sameFilters,
} from './events-filter.util';

describe('events-filter.util', () => {
  it('reads the URL, dropping what the API would refuse', () => {
    const filter = filterFromParams(
      convertToParamMap({
        types: 'raid,nonsense,gift',
        user: 'Pixel Wolf',
        includeTests: 'false',
        offset: '-5',
      }),
    );

    expect(filter).toEqual({
      types: ['gift', 'raid'],
      channelId: undefined,
      user: undefined,
      since: undefined,
      until: undefined,
      includeTests: false,
      offset: 0,
    });
  });

  it('writes short URLs: defaults are left out', () => {
    expect(filterToParams(NO_EVENTS_FILTER)).toEqual({
      types: null,
      channelId: null,
      user: null,
      since: null,
      until: null,
      includeTests: null,
      offset: null,
    });
    expect(
      filterToParams({
        ...NO_EVENTS_FILTER,
        types: ['sub', 'gift'],
        includeTests: false,
        offset: 25,
      }),
    ).toMatchObject({ types: 'sub,gift', includeTests: 'false', offset: 25 });
  });

  it('asks the API for a page of the filter, tests left out only when asked', () => {
    expect(listQuery({ ...NO_EVENTS_FILTER, types: ['cheer'], user: 'cozy' })).toEqual({
      types: 'cheer',
      channelId: undefined,
      user: 'cozy',
      since: undefined,
      until: undefined,
      includeTests: undefined,
      limit: 25,
      offset: 0,
    });
    expect(listQuery({ ...NO_EVENTS_FILTER, includeTests: false }, 1)).toMatchObject({
      includeTests: false,
      limit: 1,
    });
  });

  it('knows a filtered list from the whole log, whatever the page', () => {
    expect(isFiltered(NO_EVENTS_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_EVENTS_FILTER, offset: 50 })).toBe(false);
    expect(isFiltered({ ...NO_EVENTS_FILTER, includeTests: false })).toBe(true);
    expect(sameFilters(NO_EVENTS_FILTER, { ...NO_EVENTS_FILTER, offset: 50 })).toBe(true);
    expect(sameFilters(NO_EVENTS_FILTER, { ...NO_EVENTS_FILTER, types: ['raid'] })).toBe(false);
  });
});
