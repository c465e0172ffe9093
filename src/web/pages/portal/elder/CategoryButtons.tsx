import { Typography } from 'antd';
import type { PortalCategory } from '../../../api/portal';
import { useI18n } from '../../../i18n/I18nProvider';

interface Props {
  categories: PortalCategory[];
  value?: string;
  onChange?: (code: string) => void;
  /** After a tap, with the category chosen. */
  onPicked?: (category: PortalCategory) => void;
}

/**
 * Kinds of problem as big buttons under their group's name: a tap, not a search box. The chosen
 * one is pressed (aria-pressed) and says so with a tick, not by colour alone.
 */
export function CategoryButtons({ categories, value, onChange, onPicked }: Props) {
  const { language } = useI18n();
  const groups = new Map<string, { label: string; items: PortalCategory[] }>();
  for (const category of categories) {
    const key = category.groupCode ?? category.code;
    const group = groups.get(key) ?? {
      label: language === 'en' ? category.groupNameEn : category.groupName,
      items: [],
    };
    group.items.push(category);
    groups.set(key, group);
  }
  return (
    <div data-testid="elder-categories">
      {[...groups.entries()].map(([key, group]) => (
        <section key={key} aria-label={group.label}>
          <Typography.Title level={3} style={{ fontSize: 22, margin: '12px 0 8px' }}>
            {group.label}
          </Typography.Title>
          {group.items.map((category) => {
            const chosen = category.code === value;
            const name = language === 'en' ? category.nameEn : category.name;
            return (
              <button
                key={category.code}
                type="button"
                aria-pressed={chosen}
                className={chosen ? 'elder-big-button primary' : 'elder-big-button'}
                style={{ minHeight: 64, marginBottom: 10 }}
                onClick={() => {
                  onChange?.(category.code);
                  onPicked?.(category);
                }}
                data-testid={`elder-category-${category.code}`}
              >
                <span className="elder-big-word" style={{ fontSize: 22 }}>
                  {chosen && '✓ '}
                  {name}
                </span>
              </button>
            );
          })}
        </section>
      ))}
    </div>
  );
}
