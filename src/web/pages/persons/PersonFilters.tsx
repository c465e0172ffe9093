import { useQuery } from '@tanstack/react-query';
import { Flex, Input, Select } from 'antd';
import { tagsQuery } from '../../api/persons';
import type { Gender } from '../../api/types';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { useTagName } from '../../lib/tag-name';
import { AGE_BANDS, type AgeBand } from './age-bands';
import type { PersonView } from './person-filter';

interface Props {
  view: PersonView;
  onChange: (changes: Partial<PersonView>) => void;
}

/** The one search box and the filters; the region picker offers only the user's jurisdiction. */
export function PersonFilters({ view, onChange }: Props) {
  const { t } = useI18n();
  const tags = useQuery(tagsQuery);
  const tagName = useTagName();
  return (
    <Flex gap={12} wrap style={{ padding: 16 }} data-testid="person-filters">
      <Input.Search
        key={view.q}
        allowClear
        defaultValue={view.q}
        enterButton
        placeholder={t('persons.searchPlaceholder')}
        title={t('persons.searchPlaceholder')}
        onSearch={(value) => onChange({ q: value.trim() })}
        style={{ width: 500, maxWidth: '100%' }}
        data-testid="persons-search"
      />
      <RegionTreeSelect
        value={view.region || undefined}
        onChange={(code) => onChange({ region: code ?? '' })}
        placeholder={t('persons.regionAll')}
        allowClear
        style={{ width: 180 }}
        testId="persons-region"
      />
      <Select<string>
        value={view.tag}
        onChange={(tag) => onChange({ tag })}
        style={{ width: 150 }}
        options={[
          { value: '', label: t('persons.tagAll') },
          ...(tags.data ?? []).map((tag) => ({ value: tag.code, label: tagName(tag.name) })),
        ]}
        aria-label={t('persons.tags')}
        data-testid="persons-tag"
      />
      <Select<Gender | ''>
        value={view.gender}
        onChange={(gender) => onChange({ gender })}
        // "All genders" was cut to "All gen…" at 100 px.
        style={{ width: 124 }}
        options={[
          { value: '', label: t('persons.genderAll') },
          { value: 'male', label: t('gender.male') },
          { value: 'female', label: t('gender.female') },
        ]}
        aria-label={t('persons.gender')}
        data-testid="persons-gender"
      />
      <Select<AgeBand | ''>
        aria-label={t('persons.age')}
        value={view.age}
        onChange={(age) => onChange({ age })}
        style={{ width: 120 }}
        options={[
          { value: '', label: t('persons.ageAll') },
          ...Object.entries(AGE_BANDS).map(([value, band]) => ({
            value: value as AgeBand,
            label: t(band.label),
          })),
        ]}
        data-testid="persons-age"
      />
    </Flex>
  );
}
