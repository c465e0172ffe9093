import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Tag, Typography } from 'antd';
import { type Ref, useMemo, useState } from 'react';
import { categoriesQuery } from '../../api/service-catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { choiceMatches, leafChoices } from './category-search';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  autoFocus?: boolean;
  testId?: string;
  style?: React.CSSProperties;
  selectRef?: Ref<{ focus: () => void }>;
  /**
   * The field's id, which antd's Form.Item passes so that its <label> names the field for a screen
   * reader (issue 17); without one (a filter above a list) the placeholder names it.
   */
  id?: string;
}

/**
 * Picks a category orders are taken in, grouped as in the catalogue; typing searches names,
 * pinyin (full or initials: djlr → 独居老人照料), English names and keywords.
 */
export function CategorySelect({
  id,
  value,
  onChange,
  placeholder,
  allowClear,
  autoFocus,
  testId,
  style,
  selectRef,
}: Props) {
  const { t, language } = useI18n();
  const categories = useQuery(categoriesQuery);
  const [search, setSearch] = useState('');
  const choices = useMemo(() => leafChoices(categories.data ?? []), [categories.data]);
  const options = useMemo(() => {
    const groups = new Map<
      string,
      { label: string; options: { value: string; label: React.ReactNode; title: string }[] }
    >();
    for (const choice of choices.filter((c) => choiceMatches(c, search))) {
      const { category } = choice;
      const group = groups.get(choice.groupName) ?? { label: choice.groupName, options: [] };
      const name = language === 'en' && category.nameEn ? category.nameEn : category.name;
      group.options.push({
        value: category.code,
        title: name,
        label: (
          <Flex justify="space-between" gap={8} data-testid={`category-option-${category.code}`}>
            <span>{name}</span>
            <span>
              {category.proxy && <Tag color="blue">{t('wo.proxyTag')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {category.resolveDays === 0
                  ? t('wo.sameDay')
                  : t('wo.resolveDaysShort', { days: category.resolveDays })}
              </Typography.Text>
            </span>
          </Flex>
        ),
      });
      groups.set(choice.groupName, group);
    }
    return [...groups.values()];
  }, [choices, search, language, t]);

  return (
    <Select
      ref={selectRef as Ref<never>}
      id={id}
      aria-label={id ? undefined : (placeholder ?? t('wo.categoryPlaceholder'))}
      value={value}
      onChange={(code: string | undefined) => {
        setSearch('');
        onChange?.(code);
      }}
      options={options}
      optionLabelProp="title"
      showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
      loading={categories.isPending}
      placeholder={placeholder ?? t('wo.categoryPlaceholder')}
      allowClear={allowClear}
      autoFocus={autoFocus}
      notFoundContent={categories.isError ? t('common.loadFailed') : undefined}
      style={style}
      data-testid={testId}
    />
  );
}
