import { Card, Descriptions, type DescriptionsProps } from 'antd';
import type { PersonDetail } from '../../api/types';
import { RegionName } from '../../components/RegionName';
import { useI18n } from '../../i18n/I18nProvider';
import { useRelationName } from '../../lib/relation-name';
import { formatDate, formatTime } from '../../lib/time';
import { ProtectedValue } from './ProtectedValue';

/** The register entry; ID number and phone masked, each with 查看 for those who may reveal. */
export function PersonDetails({ person, canReveal }: { person: PersonDetail; canReveal: boolean }) {
  const { t } = useI18n();
  const relationName = useRelationName();
  const reveal = canReveal && person.status !== 'anonymized';
  const items: DescriptionsProps['items'] = [
    {
      key: 'idNumber',
      label: t('persons.idNumber'),
      // A whole row each: the value in clear, its countdown and 隐藏 need the room.
      span: 'filled',
      children: (
        <ProtectedValue
          personId={person.id}
          field="idNumber"
          label={t('persons.idNumber')}
          masked={person.idNumber}
          canReveal={reveal}
        />
      ),
    },
    {
      key: 'phone',
      label: t('persons.phone'),
      span: 'filled',
      children: (
        <ProtectedValue
          personId={person.id}
          field="phone"
          label={t('persons.phone')}
          masked={person.phone}
          canReveal={reveal}
        />
      ),
    },
    { key: 'gender', label: t('persons.gender'), children: t(`gender.${person.gender}`) },
    { key: 'ethnicity', label: t('person.ethnicity'), children: person.ethnicity },
    { key: 'relation', label: t('persons.relation'), children: relationName(person.relation) },
    { key: 'region', label: t('persons.region'), children: <RegionName code={person.regionCode} link /> },
    { key: 'currentAddress', label: t('person.currentAddress'), children: person.currentAddress },
    { key: 'registeredAddress', label: t('person.registeredAddress'), children: person.registeredAddress },
    { key: 'note', label: t('person.note'), children: person.note },
    { key: 'createdAt', label: t('person.createdAt'), children: formatDate(person.createdAt) },
    { key: 'updatedAt', label: t('person.updatedAt'), children: formatTime(person.updatedAt) },
  ];
  return (
    <Card title={t('person.basic')} style={{ marginTop: 16 }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        items={items}
        styles={{ label: { width: 130 } }}
        data-testid="person-details"
      />
    </Card>
  );
}
