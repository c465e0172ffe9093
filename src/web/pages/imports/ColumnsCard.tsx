import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import {
  RELATIONS,
  REQUIRED_RESIDENT_HEADERS,
  RESIDENT_HEADERS,
  type ResidentHeader,
} from '../../../shared/register-template';
import { tagsQuery } from '../../api/persons';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';

const notes: Record<ResidentHeader, MessageKey> = {
  姓名: 'imports.note.name',
  公民身份号码: 'imports.note.idNumber',
  性别: 'imports.note.gender',
  手机号码: 'imports.note.phone',
  民族: 'imports.note.ethnicity',
  所属网格: 'imports.note.grid',
  楼栋: 'imports.note.building',
  单元: 'imports.note.unit',
  楼层: 'imports.note.floor',
  房号: 'imports.note.room',
  与户主关系: 'imports.note.relation',
  人员标签: 'imports.note.tags',
  户籍地址: 'imports.note.registeredAddress',
  备注: 'imports.note.note',
};

/** The template's columns, one a row: which are required and how to fill them in. */
export function ColumnsCard() {
  const { t } = useI18n();
  const tags = useQuery(tagsQuery);
  const params = {
    relations: RELATIONS.join('、'),
    tags: (tags.data ?? []).map((tag) => tag.name).join('、'),
  };
  const rows = RESIDENT_HEADERS.map((header) => ({
    header,
    required: REQUIRED_RESIDENT_HEADERS.includes(header),
    note: t(notes[header], params),
  }));

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
