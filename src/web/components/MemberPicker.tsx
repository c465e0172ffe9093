import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { MemberOption } from '../api/organization-types';
import { memberSearchQuery } from '../api/organizations';
import { useI18n } from '../i18n/I18nProvider';
import { useDebounced } from '../lib/useDebounced';

interface Props {
  /** A member id (antd Form passes value and onChange). */
  value?: string;
  onChange?: (memberId: string | undefined) => void;
  testId?: string;
  /**
   * The field's id, which antd's Form.Item passes so that its <label> names the field for a screen
   * reader (issue 17); without one the placeholder names it.
   */
  id?: string;
}

const labelOf = (member: MemberOption) => `${member.name} · ${member.organizationName}`;

/**
 * Picks a member of the user's jurisdiction by name, full pinyin or pinyin initials; each option
 * names the member's organization ("张三 · 1号楼楼道党支部").
 */
export function MemberPicker({ id: fieldId, value, onChange, testId }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const found = useQuery(memberSearchQuery(q));
  // The chosen member stays labelled once the search moves on.
  const [chosen, setChosen] = useState<MemberOption | null>(null);
  const members = found.data ?? [];
  const shown =
    chosen && chosen.id === value && !members.some((m) => m.id === chosen.id)
      ? [chosen, ...members]
      : members;
  return (
    <Select<string>
      id={fieldId}
      aria-label={fieldId ? undefined : t('memberPicker.placeholder')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      onChange={(id) => {
        setChosen(shown.find((m) => m.id === id) ?? null);
        setSearch('');
        onChange?.(id);
      }}
      allowClear
      loading={found.isFetching}
      placeholder={t('memberPicker.placeholder')}
      notFoundContent={found.isFetching ? t('common.loading') : q ? t('memberPicker.empty') : null}
      options={shown.map((member) => ({
        value: member.id,
        label: <span data-testid={`member-option-${member.id}`}>{labelOf(member)}</span>,
        title: labelOf(member),
      }))}
      data-testid={testId}
    />
  );
}
