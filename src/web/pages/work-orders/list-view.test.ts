import { describe, expect, it } from 'vitest';
import { listFilterOf, listParamsOf } from './list-view';

describe('the order list in the URL', () => {
  it('ignores unknown tabs, statuses and channels', () => {
    expect(listFilterOf(new URLSearchParams('view=nope&status=lost&channel=fax'), 'mine')).toEqual({
      view: 'mine',
      status: '',
      category: '',
      region: '',
      channel: '',
    });
  });
  it('starts on the given tab when the URL names none', () => {
    expect(listFilterOf(new URLSearchParams(''), 'all').view).toBe('all');
  });
  it('round-trips a filter, leaving out what is not filtered', () => {
    const filter = listFilterOf(
      new URLSearchParams('view=overdue&status=in_progress&category=livelihood&channel=hotline'),
      'mine',
    );
    expect(listParamsOf(filter).toString()).toBe(
      'view=overdue&status=in_progress&category=livelihood&channel=hotline',
    );
  });
});
