import { Card, Table, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import type { ImportKind } from './import-kind';

/** The template's columns, one a row: which are required and how to fill them in. */
export function ColumnsCard({ kind }: { kind: ImportKind }) {
  const { t } = useI18n();
  const params = kind.useNoteParams();
  const rows = kind.columns.map((column) => ({ ...column, note: t(column.note, params) }));

  return (
    <Card title={t('imports.columnsTitle')} styles={{ body: { padding: 0 } }}>
      <Table
        rowKey="header"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('imports.column'),
            dataIndex: 'header',
            width: 130,
            render: (header: string, row) => (
              <Typography.Text strong={row.required}>
                {header}
                {row.required && <Typography.Text type="danger"> *</Typography.Text>}
              </Typography.Text>
            ),
          },
          { title: t('imports.columnNote'), dataIndex: 'note' },
        ]}
        data-testid="template-columns"
      />
    </Card>
  );
}
