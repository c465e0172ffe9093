import { Descriptions, Space, Tag } from 'antd';
import type { Registration, RegistrationStatus } from '../../api/organization-types';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

const colors: Record<RegistrationStatus, string> = { pending: 'gold', confirmed: 'green', rejected: 'red' };

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[status]} data-testid="registration-status">
      {t(`registrationStatus.${status}`)}
    </Tag>
  );
}

/** One registration (双报到): community, service areas, commitment, status. */
export function RegistrationView({ registration }: { registration: Registration }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'status',
          label: t('registration.status'),
          children: <RegistrationStatusTag status={registration.status} />,
        },
        { key: 'community', label: t('registration.community'), children: registration.communityName },
        {
          key: 'areas',
          label: t('registration.serviceAreas'),
          children: (
            <Space size={4} wrap>
              {registration.serviceAreas.map((area) => (
                <Tag key={area} color="blue">
                  {area}
                </Tag>
              ))}
            </Space>
          ),
        },
        { key: 'commitment', label: t('registration.commitment'), children: registration.commitment },
        { key: 'at', label: t('registration.submittedAt'), children: formatTime(registration.createdAt) },
        ...(registration.decidedAt
          ? [
              {
                key: 'decided',
                label: t('registration.decidedAt'),
                children: formatTime(registration.decidedAt),
              },
            ]
          : []),
      ]}
      data-testid="registration-view"
    />
  );
}
