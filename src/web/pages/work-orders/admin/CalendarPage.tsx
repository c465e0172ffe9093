import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type CalendarDay,
  calendarQuery,
  catalogueKeys,
  deleteCalendarDay,
  putCalendarDay,
} from '../../../api/service-catalogue';
import { FormModal, useModalForm } from '../../../components/FormModal';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorMessage } from '../../../lib/errors';
import { useMe } from '../../../session/useMe';
import { CalendarYear } from './CalendarYear';
import { districtName, type OwnDistrict, ownDistricts } from './own-districts';

interface DayForm {
  date: Dayjs;
  kind: CalendarDay['kind'];
  name: string;
}

function DayModal({
  day,
  date,
  district,
  onClose,
}: {
  day: CalendarDay | null;
  /** For a new exception: the day it starts on. */
  date: string;
  /** Saved as this district's own exception; null: in the shared calendar. */
  district: OwnDistrict | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { form, formError, run } = useModalForm<DayForm>(['kind', 'name'], onClose);
  const save = useMutation({
    mutationFn: (values: DayForm) =>
      putCalendarDay({
        date: values.date.format('YYYY-MM-DD'),
        kind: values.kind,
        name: values.name.trim(),
        districtCode: district?.code ?? null,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
  return (
    <FormModal<DayForm>
      title={day ? t('wo.calendar.edit', { date: day.date }) : t('wo.calendar.add')}
      form={form}
      formError={formError}
      pending={save.isPending}
      // The day shows in the calendar: no message needed.
      onFinish={(values) => run(save, values, () => null)}
      onClose={onClose}
      initialValues={
        day
          ? { date: dayjs(day.date), kind: day.kind, name: day.name }
          : { date: dayjs(date), kind: dayjs(date).day() % 6 === 0 ? 'workday' : 'holiday', name: '' }
      }
    >
      <Form.Item name="date" label={t('wo.calendar.date')} rules={[{ required: true }]}>
        <DatePicker disabled={day !== null} data-testid="calendar-date" />
      </Form.Item>
      <Form.Item name="kind" label={t('wo.calendar.kind')}>
        <Radio.Group
          options={[
            { value: 'holiday', label: t('wo.calendar.holiday') },
            { value: 'workday', label: t('wo.calendar.workday') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('wo.calendar.name')}
        rules={[{ required: true, whitespace: true, message: t('wo.calendar.nameRequired') }]}
      >
        <Input maxLength={50} placeholder={t('wo.calendar.namePlaceholder')} data-testid="calendar-name" />
      </Form.Item>
      {district && (
        <Typography.Paragraph type="secondary" data-testid="calendar-district-hint">
          {t('wo.calendar.districtHint', { district: district.name })}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}

/**
 * The days a calendar shows: the shared exceptions, and for a district those overlaid by its own
 * (the server computes deadlines the same way).
 */
function effectiveDays(items: readonly CalendarDay[], district: string | null): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>();
  for (const day of items) if (day.districtCode === null) byDate.set(day.date, day);
  if (district) for (const day of items) if (day.districtCode === district) byDate.set(day.date, day);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * /admin/calendar — the working-day calendar (工作日历): Monday to Friday are working days except
 * the holidays listed here, and the weekend days listed as adjusted working days (调休) count.
 * Every deadline is computed from it. The shared calendar is the installation's; a district-wide
 * admin can also pick their district and add its own holidays or working days on top.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const districts = ownDistricts(useMe());
  const [year, setYear] = useState(() => dayjs().year());
  const days = useQuery(calendarQuery(year));
  const [editing, setEditing] = useState<{ day: CalendarDay | null; date: string } | null>(null);
  const [view, setView] = useState<'year' | 'list'>('year');
  /** Whose calendar is shown and edited: '' for the shared one, else a district's code. */
  const [owner, setOwner] = useState('');
  const district = districts.find((d) => d.code === owner) ?? null;
  const remove = useMutation({
    mutationFn: deleteCalendarDay,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.calendar(year) }),
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const items = effectiveDays(days.data ?? [], district?.code ?? null);
  const holidays = items.filter((d) => d.kind === 'holiday').length;

  const columns: TableColumnsType<CalendarDay> = [
    { title: t('wo.calendar.date'), dataIndex: 'date', width: 130 },
    {
      title: t('wo.calendar.weekday'),
      dataIndex: 'date',
      width: 90,
      render: (date: string) => t(`wo.weekday.${dayjs(date).day()}` as 'wo.weekday.0'),
    },
    {
      title: t('wo.calendar.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: CalendarDay['kind']) =>
        kind === 'holiday' ? (
          <Tag color="red">{t('wo.calendar.holiday')}</Tag>
        ) : (
          <Tag color="blue">{t('wo.calendar.workday')}</Tag>
        ),
    },
    { title: t('wo.calendar.name'), dataIndex: 'name' },
    {
      title: t('wo.district.owner'),
      dataIndex: 'districtCode',
      width: 120,
      render: (code: string | null) =>
        code ? (
          <Tag color="green">{districtName(districts, code)}</Tag>
        ) : (
          <Tag>{t('wo.district.shared')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      width: 140,
      render: (_, day) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ day, date: day.date })}>
            {t('wo.admin.edit')}
          </Button>
          {/* A shared day seen in a district's calendar is overridden there, not removed. */}
          {day.districtCode === (district?.code ?? null) && (
            <Popconfirm
              title={t('wo.calendar.confirmDelete', { date: day.date })}
              onConfirm={() => remove.mutate(day)}
            >
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const thisYear = dayjs().year();
  return (
    <Card
      title={t('nav.calendar')}
      extra={
        <Space>
          {districts.length > 0 && (
            <Select
              value={owner}
              onChange={setOwner}
              aria-label={t('wo.district.editing')}
              options={[
                { value: '', label: t('wo.district.sharedCalendar') },
                ...districts.map((d) => ({ value: d.code, label: d.name })),
              ]}
              data-testid="calendar-owner"
            />
          )}
          <Select
            value={year}
            onChange={setYear}
            options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({
              value: y,
              label: y,
            }))}
            aria-label={t('commitment.yearLabel')}
            data-testid="calendar-year"
          />
          <Segmented
            value={view}
            onChange={(value) => setView(value as 'year' | 'list')}
            options={[
              { value: 'year', label: t('wo.calendar.yearView') },
              { value: 'list', label: t('wo.calendar.listView') },
            ]}
            data-testid="calendar-view"
          />
          <Button
            type="primary"
            onClick={() => setEditing({ day: null, date: `${year}-01-01` })}
            data-testid="calendar-add"
          >
            {t('wo.calendar.add')}
          </Button>
        </Space>
      }
      data-testid="calendar-page"
    >
      <Typography.Paragraph type="secondary">
        {t('wo.calendar.summary', { holidays, workdays: items.length - holidays })}
      </Typography.Paragraph>
      {days.isError ? (
        <QueryError error={days.error} onRetry={() => void days.refetch()} />
      ) : view === 'year' ? (
        <>
          <Typography.Paragraph type="secondary">{t('wo.calendar.legend')}</Typography.Paragraph>
          <CalendarYear
            year={year}
            days={items}
            onPick={(date, existing) => setEditing({ day: existing ?? null, date })}
          />
        </>
      ) : (
        <Table<CalendarDay>
          rowKey="date"
          size="small"
          columns={columns}
          dataSource={items}
          loading={days.isPending}
          pagination={false}
        />
      )}
      {editing && (
        <DayModal
          day={editing.day}
          date={editing.date}
          district={district}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
