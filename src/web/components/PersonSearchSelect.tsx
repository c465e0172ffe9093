import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { personSearchQuery } from '../api/persons';
import { useI18n } from '../i18n/I18nProvider';
import { useDebounced } from '../lib/useDebounced';

interface Props {
  /** A person id (antd Form passes value and onChange). */
  value?: string;
  onChange?: (id: string | undefined) => void;
  testId?: string;
  /**
   * The field's id, which antd's Form.Item passes so that its <label> names the field for a screen
   * reader (issue 17); without one (a filter above a list) the placeholder names it.
   */
  id?: string;
}

/** Picks a resident of the register with the residents search (name, initials, ID number, phone). */
export function PersonSearchSelect({ id, value, onChange, testId }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const found = useQuery(personSearchQuery(q));
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      onChange={onChange}
      id={id}
      aria-label={id ? undefined : t('personPicker.placeholder')}
      placeholder={t('personPicker.placeholder')}
      notFoundContent={found.isFetching ? t('common.loading') : q ? t('persons.empty') : null}
      options={(found.data ?? []).map((person) => ({
        value: person.id,
        label: (
          <Flex gap={8} align="center" data-testid={`person-option-${person.id}`}>
            <span>{person.name}</span>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {person.idNumber}
            </Typography.Text>
          </Flex>
        ),
      }))}
      data-testid={testId}
    />
  );
}
