import { HomeOutlined, SwapOutlined, UserAddOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import type { OrganizationDetail } from '../../api/organization-types';
import { useI18n } from '../../i18n/I18nProvider';
import { AddHouseholdsModal } from './AddHouseholdsModal';
import { AddMemberModal } from './AddMemberModal';
import { CreateOrganizationButton } from './CreateOrganizationButton';
import { MoveOrganizationModal } from './MoveOrganizationModal';
import { holdsMembers } from './organization-kinds';
import { SetLeaderModal } from './SetLeaderModal';

type Open = 'leader' | 'move' | 'member' | 'households' | null;

/** What a holder of org.write may do to an organization; each action opens its own form. */
export function OrganizationActions({ organization }: { organization: OrganizationDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <Flex gap={8} wrap justify="flex-end" data-testid="org-actions">
      <CreateOrganizationButton parent={organization} />
      {holdsMembers(organization.kind) && (
        <Button icon={<UserAddOutlined />} onClick={() => setOpen('member')} data-testid="org-add-member">
          {t('org.addMember')}
        </Button>
      )}
      {organization.kind === 'warm_group' && (
        <Button
          icon={<HomeOutlined />}
          onClick={() => setOpen('households')}
          data-testid="org-add-households"
        >
          {t('org.addHouseholds')}
        </Button>
      )}
      <Button icon={<UserSwitchOutlined />} onClick={() => setOpen('leader')} data-testid="org-set-leader">
        {t('org.setLeader')}
      </Button>
      <Button icon={<SwapOutlined />} onClick={() => setOpen('move')} data-testid="org-move">
        {t('org.move')}
      </Button>
      {open === 'member' && <AddMemberModal organization={organization} onClose={close} />}
      {open === 'households' && <AddHouseholdsModal organization={organization} onClose={close} />}
      {open === 'leader' && <SetLeaderModal organization={organization} onClose={close} />}
      {open === 'move' && <MoveOrganizationModal organization={organization} onClose={close} />}
    </Flex>
  );
}
