import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatBeijing } from '../../../shared/beijing-time';
import {
  type Booking,
  bookingsQuery,
  bookVenue,
  cancelBooking,
  cobuildingKeys,
  createVenue,
  type Venue,
  type VenueInput,
} from '../../api/cobuilding';
import { FormModal, useModalForm } from '../../components/FormModal';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';

/** 场所联用: a unit's venues, each with its bookings, a booking form and cancellation. */
export function VenuesCard({
  unitId,
  venues,
  canWrite,
}: {
  unitId: string;
  venues: Venue[];
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const [opening, setOpening] = useState(false);
  return (
    <Card
      title={t('cob.venues')}
      extra={canWrite && <Button onClick={() => setOpening(true)}>{t('cob.newVenue')}</Button>}
      data-testid="venues"
    >
      {venues.length === 0 && t('cob.noVenues')}
      <Space direction="vertical" style={{ width: '100%' }}>
        {venues.map((v) => (
          <VenueBookings key={v.id} venue={v} canWrite={canWrite} />
        ))}
      </Space>
      {opening && <VenueModal unitId={unitId} onClose={() => setOpening(false)} />}
    </Card>
  );
}

function VenueBookings({ venue, canWrite }: { venue: Venue; canWrite: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [booking, setBooking] = useState(false);
  const [reason, setReason] = useState('');
  const list = useQuery(bookingsQuery(venue.id));
  const cancel = useMutation({
    mutationFn: (id: string) => cancelBooking(id, reason),
    onSuccess: () => client.invalidateQueries({ queryKey: cobuildingKeys.all }),
  });
  return (
    <Card
      size="small"
      type="inner"
      title={`${venue.name} · ${t('cob.capacity')} ${venue.capacity} · ${t('cob.hours')} ${venue.opensAt}–${venue.closesAt}`}
      extra={
        canWrite && (
          <Button size="small" onClick={() => setBooking(true)}>
            {t('cob.book')}
          </Button>
        )
      }
    >
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Booking>
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('cob.noBookings') }}
          columns={[
            {
              title: t('cob.time'),
              dataIndex: 'startsAt',
              render: (_: string, b) => `${formatBeijing(b.startsAt)}–${formatBeijing(b.endsAt).slice(11)}`,
            },
            { title: t('cob.purpose'), dataIndex: 'purpose' },
            { title: t('cob.attendees'), dataIndex: 'attendees', align: 'right' },
            {
              title: t('cob.status'),
              dataIndex: 'status',
              render: (s: Booking['status']) => (
                <Tag color={s === 'booked' ? 'green' : 'default'}>{t(`cob.bookingStatus.${s}`)}</Tag>
              ),
            },
            {
              title: '',
              dataIndex: 'id',
              render: (id: string, b) =>
                canWrite &&
                b.status === 'booked' && (
                  <Popconfirm
                    title={
                      <Input
                        aria-label={t('cob.cancelReason')}
                        placeholder={t('cob.cancelReason')}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      />
                    }
                    onConfirm={() => cancel.mutate(id)}
                  >
                    <Button size="small" danger>
                      {t('cob.cancel')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      {booking && <BookingModal venue={venue} onClose={() => setBooking(false)} />}
    </Card>
  );
}

function VenueModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<VenueInput>(
    ['name', 'address', 'capacity', 'opensAt', 'closesAt'],
    onClose,
  );
  const mutation = useMutation({
    mutationFn: (v: VenueInput) => createVenue(unitId, v),
    onSuccess: () => client.invalidateQueries({ queryKey: cobuildingKeys.all }),
  });
  return (
    <FormModal<VenueInput>
      title={t('cob.newVenue')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      initialValues={{ opensAt: '08:30', closesAt: '20:00' }}
      onFinish={(v) => run(mutation, v, () => t('cob.venueCreated'))}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('cob.name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="address" label={t('cob.address')}>
        <Input />
      </Form.Item>
      <Form.Item name="capacity" label={t('cob.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="opensAt" label={t('cob.opensAt')} rules={[{ required: true }]}>
        <Input placeholder="08:30" />
      </Form.Item>
      <Form.Item name="closesAt" label={t('cob.closesAt')} rules={[{ required: true }]}>
        <Input placeholder="20:00" />
      </Form.Item>
    </FormModal>
  );
}

type BookingValues = { date: Dayjs; from: string; to: string; purpose: string; attendees: number };

function BookingModal({ venue, onClose }: { venue: Venue; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<BookingValues>(
    ['date', 'from', 'to', 'purpose', 'attendees'],
    onClose,
  );
  const mutation = useMutation({
    mutationFn: (v: BookingValues) => {
      const day = v.date.format('YYYY-MM-DD');
      return bookVenue(venue.id, {
        startsAt: `${day}T${v.from}:00+08:00`,
        endsAt: `${day}T${v.to}:00+08:00`,
        purpose: v.purpose,
        attendees: v.attendees,
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: cobuildingKeys.all }),
  });
  const rename = (error: unknown) => error;
  return (
    <FormModal<BookingValues>
      title={`${t('cob.book')} · ${venue.name}`}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      initialValues={{ from: venue.opensAt, to: venue.closesAt, attendees: 10 }}
      onFinish={(v) => run(mutation, v, () => t('cob.booked'), rename)}
      onClose={onClose}
    >
      <Form.Item name="date" label={t('cob.bookingDate')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="from" label={t('cob.from')} rules={[{ required: true }]}>
        <Input placeholder="09:00" />
      </Form.Item>
      <Form.Item name="to" label={t('cob.to')} rules={[{ required: true }]}>
        <Input placeholder="11:00" />
      </Form.Item>
      <Form.Item name="purpose" label={t('cob.purpose')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="attendees" label={t('cob.attendees')} rules={[{ required: true }]}>
        <InputNumber min={1} max={venue.capacity} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
