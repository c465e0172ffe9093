import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Form, Input, List, Segmented, Select, Spin, Tag, Typography } from 'antd';
import { type KeyboardEvent, type Ref, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { PersonListItem } from '../../../../shared/api/register';
import { validateMobilePhone } from '../../../../shared/validators/phone';
import { personSearchQuery } from '../../../api/persons';
import { hotlinesQuery } from '../../../api/service-catalogue';
import { type CallerPerson, callerLookupQuery } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorMessage } from '../../../lib/errors';
import { useCategoryName } from '../category-name';
import { useWorkOrderLabels } from '../labels';
import { StatusTag, TimeLeftTag, useNow } from '../OrderTags';
import { RegionPath } from '../RegionPath';
import { focusFirstIn } from './focus';
import { lookupPhone } from './phone';

/** Enter or Space chooses a resident of the list; ↑ ↓ move between them. */
function residentKey(event: KeyboardEvent<HTMLElement>, choose: () => void): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    choose();
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  const item = event.currentTarget.closest('li');
  const sibling = event.key === 'ArrowDown' ? item?.nextElementSibling : item?.previousElementSibling;
  sibling?.querySelector<HTMLElement>('[role="button"]')?.focus();
}

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
  /** The caller is settled (chosen, or the number is not in the register): on to the category. */
  onNext: () => void;
}

/** Digits with the separators people type in numbers: a number to look up, anything else a name. */
const looksLikeNumber = (text: string) => /^[\d\s+()-]+$/.test(text.trim());

/** A resident found by name as the console shows callers (the address stays on the register page). */
const asCaller = (person: PersonListItem): CallerPerson => ({
  id: person.id,
  name: person.name,
  gender: person.gender,
  age: person.age,
  regionCode: person.regionCode,
  householdId: person.householdId,
  address: '',
});

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
  // A name (characters or pinyin initials) searches the register instead, on Enter.
  const [nameQuery, setNameQuery] = useState('');
  const byName = useQuery(personSearchQuery(nameQuery));
  const residentsList = useRef<HTMLDivElement>(null);
  // One resident with this number: they are the caller, chosen at once (a click undoes it).
  const [autoChosenFor, setAutoChosenFor] = useState('');
  const { onSelect } = props;
  const { onNext } = props;
  useEffect(() => {
    if (!caller.data || phone === '' || autoChosenFor === phone) return;
    setAutoChosenFor(phone);
    const found = caller.data.persons.length;
    if (found === 1) onSelect(caller.data.persons[0]!);
    // Nobody registered with the number: the order is taken without a resident, category next.
    else if (found === 0) onNext();
    // Several (a household's shared number): the operator picks one with ↑ ↓ and Enter.
    else focusFirstIn(residentsList.current);
  }, [caller.data, phone, autoChosenFor, onSelect, onNext]);
  // Residents found by name: the first one has the focus, Enter chooses it.
  useEffect(() => {
    if (byName.data && byName.data.length > 0) focusFirstIn(residentsList.current);
  }, [byName.data]);

  const lookUp = (raw: string) => {
    setNameQuery('');
    const normalized = lookupPhone(raw);
    setInvalid(raw.trim() !== '' && normalized === null);
    if (normalized && normalized !== phone) props.onSelect(null);
    props.onPhone(normalized ?? '');
    return normalized;
  };

  const clear = () => {
    setTyped('');
    setNameQuery('');
    props.onPhone('');
    props.onSelect(null);
    setInvalid(false);
  };

  const searchingName = nameQuery !== '';
  const persons = searchingName ? (byName.data ?? []).map(asCaller) : (caller.data?.persons ?? []);
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
              aria-label={t('wo.console.hotline')}
              options={activeHotlines.map((h) => ({ value: h.id, label: `${h.number} ${h.name}` }))}
              notFoundContent={hotlines.isError ? errorMessage(hotlines.error, t) : undefined}
              data-testid="console-hotline"
            />
          </Form.Item>
        )}
        <Form.Item
          label={channel === 'hotline' ? t('wo.console.callerSearch') : t('wo.console.residentPhone')}
          htmlFor="console-caller-search"
          validateStatus={invalid ? 'error' : undefined}
          help={invalid ? t('wo.console.phoneInvalid') : undefined}
        >
          <Input.Search
            ref={props.phoneRef as Ref<never>}
            id="console-caller-search"
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
                clear();
                return;
              }
              // Enter looks the caller up and does nothing else, like the 查找 button: moving the
              // focus into the order form here let the same Enter submit that empty form.
              if (value.trim() === '' || looksLikeNumber(value)) {
                lookUp(value);
                return;
              }
              // A name: the register's search (characters, full pinyin or initials).
              setInvalid(false);
              props.onPhone('');
              props.onSelect(null);
              setNameQuery(value.trim());
            }}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              clear();
            }}
            allowClear
            enterButton={t('wo.console.lookUp')}
            placeholder={t('wo.console.searchPlaceholder')}
            size="large"
            data-testid="console-phone"
          />
        </Form.Item>
      </Form>

      {((phone !== '' && caller.isPending) || (searchingName && byName.isPending)) && <Spin />}
      {caller.isError && <Alert type="error" showIcon title={errorMessage(caller.error, t)} />}
      {searchingName && byName.isError && (
        <Alert type="error" showIcon title={errorMessage(byName.error, t)} />
      )}
      {(caller.data || (searchingName && byName.data)) && (
        <Flex vertical gap={12}>
          <div>
            <Typography.Title level={5}>
              {searchingName
                ? t('wo.console.nameResults', { count: persons.length })
                : t('wo.console.residents', { count: persons.length })}
            </Typography.Title>
            {persons.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={searchingName ? t('wo.console.noNameMatch') : t('wo.console.noResident')}
              />
            ) : (
              <div ref={residentsList}>
                <List
                  size="small"
                  bordered
                  dataSource={persons}
                  data-testid="caller-residents"
                  renderItem={(person) => {
                    const isSelected = selected?.id === person.id;
                    return (
                      <List.Item
                        style={{ background: isSelected ? '#e6f4ff' : undefined }}
                        data-testid={`caller-resident-${person.id}`}
                        extra={isSelected ? <Tag color="blue">{t('wo.console.chosen')}</Tag> : null}
                      >
                        {/* A button to the keyboard: Tab reaches it, Enter or Space chooses, ↑ ↓ move. Inside
                            the list item, not the item itself: a list holds only items (WCAG 1.3.1). */}
                        {/* biome-ignore lint/a11y/useSemanticElements: it holds the item's title and description blocks, which a <button> may not */}
                        <div
                          role="button"
                          tabIndex={0}
                          aria-pressed={isSelected}
                          onKeyDown={(event) =>
                            residentKey(event, () => props.onSelect(isSelected ? null : person))
                          }
                          onClick={() => props.onSelect(isSelected ? null : person)}
                          style={{ cursor: 'pointer', flex: 1, minWidth: 0 }}
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
                        </div>
                      </List.Item>
                    );
                  }}
                />
              </div>
            )}
          </div>
          {!searchingName && (
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
          )}
        </Flex>
      )}
    </Card>
  );
}
