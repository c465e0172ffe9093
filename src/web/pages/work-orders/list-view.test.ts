import { describe, expect, it } from 'vitest';
import { listFilterOf, listParamsOf } from './list-view';

describe('the order list in the URL', () => {
  it('ignores unknown tabs, statuses, channels and flags', () => {
    expect(listFilterOf(new URLSearchParams('view=nope&status=lost&channel=fax&flag=late'), 'mine')).toEqual({
      view: 'mine',
      status: '',
      category: '',
      region: '',
      channel: '',
      flag: '',
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
    expect(listParamsOf(listFilterOf(new URLSearchParams('view=mine&flag=reopened'), 'all')).toString()).toBe(
      'view=mine&flag=reopened',
    );
  });
});
