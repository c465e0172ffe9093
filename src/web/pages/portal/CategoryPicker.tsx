import { Select } from 'antd';
import { useMemo } from 'react';
import type { PortalCategory } from '../../api/portal';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  categories: PortalCategory[];
  value?: string;
  onChange?: (code: string) => void;
}

interface CategoryOption {
  value: string;
  label: string;
  /** Name, group and keywords (pinyin too): what a search matches. */
  search: string;
}

/** The catalogue as a searchable, grouped list: typing "维修" or "weixiu" finds 房屋维修. */
export function CategoryPicker({ categories, value, onChange }: Props) {
  const { t, language } = useI18n();
  const groups = useMemo(() => {
    const byGroup = new Map<string, { label: string; options: CategoryOption[] }>();
    for (const category of categories) {
      const groupLabel = language === 'en' ? category.groupNameEn : category.groupName;
      const key = category.groupCode ?? category.code;
      const group = byGroup.get(key) ?? { label: groupLabel, options: [] };
      group.options.push({
        value: category.code,
        label: language === 'en' ? category.nameEn : category.name,
        search: [category.name, category.nameEn, category.groupName, category.keywords]
          .join(' ')
          .toLowerCase(),
      });
      byGroup.set(key, group);
    }
    return [...byGroup.values()].map((group) => ({ ...group, title: group.label }));
  }, [categories, language]);

  return (
    <Select<string, CategoryOption | (typeof groups)[number]>
      value={value}
      onChange={onChange}
      options={groups}
      placeholder={t('portal.new.categoryPlaceholder')}
      showSearch={{
        filterOption: (input, option) =>
          option !== undefined && 'search' in option && option.search.includes(input.trim().toLowerCase()),
      }}
      listHeight={320}
      data-testid="portal-category"
    />
  );
}
