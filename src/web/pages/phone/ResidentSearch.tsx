import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { personSearchQuery } from '../../api/persons';
import { useI18n } from '../../i18n/I18nProvider';
import { useDebounced } from '../../lib/useDebounced';

/**
 * The register's own search (GET /api/persons?q=): a name, its pinyin initials, or the last four
 * digits of a phone; answers come masked, in the caller's scope.
 */
export function ResidentSearch() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useQuery(personSearchQuery(q));
  return (
    <section>
      <Typography.Title level={5}>{t('phone.search.title')}</Typography.Title>
      <Input.Search
        allowClear
        size="large"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('phone.search.placeholder')}
        inputMode="search"
        enterKeyHint="search"
        data-testid="phone-search"
      />
      {q && (
        <div style={{ marginTop: 8 }} data-testid="phone-search-results">
          {found.isFetching && !found.data ? (
            <Spin />
          ) : (found.data ?? []).length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('phone.search.empty')} />
          ) : (
            <Flex vertical gap={6}>
              {(found.data ?? []).map((person) => (
                <Link key={person.id} to={`/persons/${person.id}`} data-testid="phone-search-result">
                  <Card size="small" hoverable styles={{ body: { padding: '8px 12px' } }}>
                    <Flex justify="space-between" gap={8} wrap>
                      <Typography.Text strong>{person.name}</Typography.Text>
                      <Typography.Text type="secondary">
                        {t('phone.search.age', { age: person.age })} · {person.phone || '—'}
                      </Typography.Text>
                    </Flex>
                  </Card>
                </Link>
              ))}
            </Flex>
          )}
        </div>
      )}
    </section>
  );
}
