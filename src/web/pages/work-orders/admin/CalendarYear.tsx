import { Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDay } from '../../../api/service-catalogue';
import { useI18n } from '../../../i18n/I18nProvider';

/** Monday first, as Chinese calendars are printed. */
const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const cellStyle = {
  width: 28,
  height: 24,
  lineHeight: '24px',
  textAlign: 'center' as const,
  borderRadius: 4,
};

const kindStyles: Record<CalendarDay['kind'] | 'weekend' | 'workday', React.CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  // An adjusted working day (调休上班) falls on a weekend: it is marked as work.
  workday: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
  // Grey that still reads at 4.5:1 (issue 17); antd's #8c8c8c is 3.4:1.
  weekend: { color: '#666666' },
};

/**
 * The year at a glance: twelve months, Monday first; holidays in red, adjusted working days in
 * blue, ordinary weekends grey, a district's own exceptions outlined. A click on a day opens it for editing (or adds it as an exception).
 */
export function CalendarYear({
  year,
  days,
  onPick,
}: {
  year: number;
  days: readonly CalendarDay[];
  onPick: (date: string, existing: CalendarDay | undefined) => void;
}) {
  const { t } = useI18n();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const weekdayHeads = WEEKDAY_ORDER.map((d) => t(`wo.weekday.short.${d}` as 'wo.weekday.short.0'));
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 16 }}
      data-testid="calendar-year-grid"
    >
      {Array.from({ length: 12 }, (_, m) => dayjs(new Date(year, m, 1))).map((first) => {
        const month = first.month();
        // Blank cells before the 1st, counted from Monday.
        const lead = (first.day() + 6) % 7;
        const length = first.daysInMonth();
        return (
          <div key={first.format('YYYY-MM')} data-testid={`calendar-month-${month + 1}`}>
            <Typography.Text strong>{t(`wo.month.${month + 1}` as 'wo.month.1')}</Typography.Text>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 28px)', gap: 2, marginTop: 4 }}>
              {weekdayHeads.map((head) => (
                <div key={head} style={{ ...cellStyle, color: '#666666', fontSize: 12 }}>
                  {head}
                </div>
              ))}
              {lead > 0 && <div style={{ gridColumn: `span ${lead}` }} />}
              {Array.from({ length }, (_, i) => {
                const date = first.date(i + 1);
                const iso = date.format('YYYY-MM-DD');
                const exception = byDate.get(iso);
                const weekend = date.day() === 0 || date.day() === 6;
                const style = exception ? kindStyles[exception.kind] : weekend ? kindStyles.weekend : {};
                // A district's own exception is outlined, to tell it from a shared one.
                const own = exception?.districtCode ? { outline: '1px dashed currentColor' } : {};
                return (
                  <Tooltip key={iso} title={exception?.name}>
                    <button
                      type="button"
                      onClick={() => onPick(iso, exception)}
                      style={{
                        ...cellStyle,
                        background: 'transparent',
                        ...style,
                        ...own,
                        border: 'none',
                        cursor: 'pointer',
                        padding: 0,
                      }}
                      data-testid={`calendar-day-${iso}`}
                    >
                      {i + 1}
                      {/* The date and its holiday in words after the day a sighted user sees, not an
                          aria-label in its place: a name must contain the visible text (WCAG 2.5.3). */}
                      <span className="lx-visually-hidden">
                        {' '}
                        {exception ? `${iso} ${exception.name}` : iso}
                      </span>
                    </button>
                  </Tooltip>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
