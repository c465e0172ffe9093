import { Tag } from 'antd';
import type { OrganizationKind } from '../api/organization-types';
import { useI18n } from '../i18n/I18nProvider';

const colors: Record<OrganizationKind, string> = {
  committee: 'red',
  general_branch: 'volcano',
  branch: 'orange',
  corridor_branch: 'gold',
  group: 'lime',
  warm_group: 'magenta',
  volunteer_team: 'green',
};

/** 党委, 党支部, 党群温馨小组…: an organization's kind. */
export function OrgKindTag({ kind, small }: { kind: OrganizationKind; small?: boolean }) {
  const { t } = useI18n();
  return (
    <Tag
      color={colors[kind]}
      variant="outlined"
      style={small ? { marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 } : undefined}
      data-testid="org-kind-tag"
    >
      {t(`orgKind.${kind}`)}
    </Tag>
  );
}
