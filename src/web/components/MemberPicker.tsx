import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useState } from 'react';
import { organizationMembersQuery, organizationsInScopeQuery } from '../api/organizations';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  /** A member id (antd Form passes value and onChange). */
  value?: string;
  onChange?: (memberId: string | undefined) => void;
  testId?: string;
}

interface Option {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: Option[];
}

/**
 * Picks a member of the user's jurisdiction: first their organization, then the member (the
 * members of an organization load when it opens).
 */
export function MemberPicker({ value, onChange, testId }: Props) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const organizations = useQuery(organizationsInScopeQuery());
  const [opened, setOpened] = useState<string[]>([]);
  const memberQueries = useQueries({ queries: opened.map((id) => organizationMembersQuery(id)) });
  const membersOf = new Map(opened.map((id, i) => [id, memberQueries[i]?.data]));
  const [path, setPath] = useState<string[]>([]);

  const options: Option[] = (organizations.data ?? []).map((organization) => {
    const members = membersOf.get(organization.id);
    return {
      value: organization.id,
      label: organization.name,
      isLeaf: members ? members.length === 0 : false,
      ...(members ? { children: members.map((m) => ({ value: m.id, label: m.name, isLeaf: true })) } : {}),
    };
  });

  return (
    <Cascader<Option>
      options={options}
      value={value ? path : []}
      loading={organizations.isPending}
      loadData={(selected) => {
        const id = selected.at(-1)?.value;
        if (!id) return;
        void queryClient.ensureQueryData(organizationMembersQuery(id)).then(() => {
          setOpened((prev) => (prev.includes(id) ? prev : [...prev, id]));
        });
      }}
      onChange={(next) => {
        const chosen = (next ?? []).map(String);
        setPath(chosen);
        onChange?.(chosen.length === 2 ? chosen[1] : undefined);
      }}
      showSearch={{ filter: (input, options) => options.some((o) => String(o.label).includes(input)) }}
      placeholder={t('memberPicker.placeholder')}
      notFoundContent={t('memberPicker.empty')}
      data-testid={testId}
    />
  );
}
