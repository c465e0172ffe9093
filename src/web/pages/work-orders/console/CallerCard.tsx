import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Form, Input, List, Segmented, Select, Spin, Tag, Typography } from 'antd';
import { type Ref, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { validateMobilePhone } from '../../../../shared/validators/phone';
import { hotlinesQuery } from '../../../api/service-catalogue';
import { type CallerPerson, callerLookupQuery } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorMessage } from '../../../lib/errors';
import { useCategoryName } from '../category-name';
import { useWorkOrderLabels } from '../labels';
import { StatusTag, TimeLeftTag, useNow } from '../OrderTags';
import { RegionPath } from '../RegionPath';
import { lookupPhone } from './phone';

export type IntakeChannel = 'hotline' | 'walk_in' | 'visit';

interface Props {
  channel: IntakeChannel;
  onChannel: (channel: IntakeChannel) => void;
  hotlineId: string | undefined;
  onHotline: (id: string | undefined) => void;
  /** The number looked up (normalized), or '' before the first look-up. */
  phone: string;
  onPhone: (phone: string) => void;
  selected: CallerPerson | null;
  onSelect: (person: CallerPerson | null) => void;
  phoneRef: Ref<{ focus: () => void }>;
}

/**
 * Left side of the console: the line the call came in on, the channel, and the caller's number;
 * residents registered with that number and the orders it reported appear as soon as it is typed.
 */
export function CallerCard(props: Props) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const labels = useWorkOrderLabels();
  const now = useNow();
  const { channel, phone, selected } = props;
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const hotlines = useQuery({ ...hotlinesQuery, enabled: channel === 'hotline' });
  const caller = useQuery(callerLookupQuery(phone));
  // One resident with this number: they are the caller, chosen at once (a click undoes it).
  const [autoChosenFor, setAutoChosenFor] = useState('');
  const { onSelect } = props;
  useEffect(() => {
    if (!caller.data || phone === '' || autoChosenFor === phone) return;
    setAutoChosenFor(phone);
    if (caller.data.persons.length === 1) onSelect(caller.data.persons[0]!);
  }, [caller.data, phone, autoChosenFor, onSelect]);

  const lookUp = (raw: string) => {
    const normalized = lookupPhone(raw);
    setInvalid(raw.trim() !== '' && normalized === null);
    if (normalized && normalized !== phone) props.onSelect(null);
    props.onPhone(normalized ?? '');
    return normalized;
  };

  const persons = caller.data?.persons ?? [];
  const orders = caller.data?.orders ?? [];
  const activeHotlines = (hotlines.data ?? []).filter((h) => h.active);

  return (
    <Card title={t('wo.console.caller')} data-testid="console-caller">
      <Form layout="vertical">
        <Form.Item label={t('wo.channel')}>
          <Segmented<IntakeChannel>
            value={channel}
            onChange={props.onChannel}
            options={(['hotline', 'walk_in', 'visit'] as const).map((value) => ({
              value,
              label: <span data-testid={`channel-${value}`}>{labels.channel(value)}</span>,
            }))}
          />
        </Form.Item>
        {channel === 'hotline' && (
          <Form.Item label={t('wo.console.hotline')}>
            <Select
              value={props.hotlineId}
              onChange={props.onHotline}
              loading={hotlines.isPending}
              allowClear
              placeholder={t('wo.console.hotlinePlaceholder')}
              options={activeHotlines.map((h) => ({ value: h.id, label: `${h.number} ${h.name}` }))}
              notFoundContent={hotlines.isError ? errorMessage(hotlines.error, t) : undefined}
              data-testid="console-hotline"
            />
          </Form.Item>
        )}
        <Form.Item
          label={channel === 'hotline' ? t('wo.console.callerPhone') : t('wo.console.residentPhone')}
          validateStatus={invalid ? 'error' : undefined}
          help={invalid ? t('wo.console.phoneInvalid') : undefined}
        >
          <Input.Search
            ref={props.phoneRef as Ref<never>}
            autoFocus
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              // A whole mobile number looks itself up; a landline may have 7 or 8 digits, so it
              // waits for Enter.
              if (validateMobilePhone(event.target.value).ok) lookUp(event.target.value);
            }}
            onSearch={(value, _event, info) => {
              if (info?.source === 'clear') {
                props.onPhone('');
                props.onSelect(null);
                setInvalid(false);
                return;
              }
              // Enter looks the caller up and does nothing else, like the 查找 button: moving the
              // focus into the order form here let the same Enter submit that empty form.
              lookUp(value);
            }}
            allowClear
            enterButton={t('wo.console.lookUp')}
            placeholder={t('wo.console.phonePlaceholder')}
            inputMode="tel"
            size="large"
            data-testid="console-phone"
          />
        </Form.Item>
      </Form>

      {phone !== '' && caller.isPending && <Spin />}
      {caller.isError && <Alert type="error" showIcon title={errorMessage(caller.error, t)} />}
      {caller.data && (
        <Flex vertical gap={12}>
          <div>
            <Typography.Title level={5}>
              {t('wo.console.residents', { count: persons.length })}
            </Typography.Title>
            {persons.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.console.noResident')} />
            ) : (
              <List
                size="small"
                bordered
                dataSource={persons}
                data-testid="caller-residents"
                renderItem={(person) => {
                  const isSelected = selected?.id === person.id;
                  return (
                    <List.Item
                      onClick={() => props.onSelect(isSelected ? null : person)}
                      style={{
                        cursor: 'pointer',
                        background: isSelected ? '#e6f4ff' : undefined,
                      }}
                      data-testid={`caller-resident-${person.id}`}
                      extra={isSelected ? <Tag color="blue">{t('wo.console.chosen')}</Tag> : null}
                    >
                      <List.Item.Meta
                        title={
                          <span>
                            {person.name}{' '}
                            <Typography.Text type="secondary">
                              {t(`gender.${person.gender}`)} · {t('person.ageValue', { age: person.age })}
                            </Typography.Text>
                          </span>
                        }
                        description={
                          <>
                            <RegionPath code={person.regionCode} />
                            {person.address && <div>{person.address}</div>}
                          </>
                        }
                      />
                    </List.Item>
                  );
                }}
              />
            )}
          </div>
          <div>
            <Typography.Title level={5}>
              {t('wo.console.ordersOfNumber', { count: orders.length })}
            </Typography.Title>
            {orders.length === 0 ? (
              <Typography.Text type="secondary">{t('wo.console.noOrders')}</Typography.Text>
            ) : (
              <List
                size="small"
                bordered
                dataSource={orders}
                data-testid="caller-orders"
                renderItem={(order) => (
                  <List.Item extra={<TimeLeftTag order={order} now={now} />}>
                    <Flex gap={8} align="center" wrap>
                      <Link to={`/work-orders/${order.id}`} target="_blank">
                        {order.number}
                      </Link>
                      <span>{categoryName(order)}</span>
                      <StatusTag status={order.status} />
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </div>
        </Flex>
      )}
    </Card>
  );
}
