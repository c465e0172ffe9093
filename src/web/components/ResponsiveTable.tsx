import {
  Card,
  Empty,
  Flex,
  Grid,
  Pagination,
  Spin,
  Table,
  type TableColumnType,
  type TableProps,
  Typography,
} from 'antd';
import { isValidElement, type ReactNode, useState } from 'react';

type AnyRecord = object;

/** A cell's value by the column's dataIndex ('name', or a path such as ['place', 'name']). */
function valueAt(record: unknown, dataIndex: unknown): unknown {
  if (dataIndex === undefined || dataIndex === null || dataIndex === '') return undefined;
  const keys: unknown[] = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let value: unknown = record;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    if (typeof key !== 'string' && typeof key !== 'number') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** What a column shows for a row, as the table would draw it. */
function cellOf<T extends AnyRecord>(column: TableColumnType<T>, record: T, index: number): ReactNode {
  const value = valueAt(record, column.dataIndex);
  if (column.render) {
    const rendered = column.render(value, record, index);
    // A render may answer { children, props } (cell spans): the card needs only the content.
    if (
      rendered !== null &&
      typeof rendered === 'object' &&
      !isValidElement(rendered) &&
      'children' in rendered
    ) {
      return rendered.children;
    }
    return rendered as ReactNode;
  }
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

const isLeaf = <T extends AnyRecord>(
  column: NonNullable<TableProps<T>['columns']>[number],
): column is TableColumnType<T> => !('children' in column) && !column.hidden;

function keyOf<T extends AnyRecord>(rowKey: TableProps<T>['rowKey'], record: T, index: number): string {
  if (typeof rowKey === 'function') return String(rowKey(record, index));
  const value = valueAt(record, rowKey ?? 'key');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : String(index);
}

/** One row as a card: the first column as its title, the others as label and value, one per line. */
function RowCard<T extends AnyRecord>({
  props,
  columns,
  record,
  index,
  rowKey,
}: {
  props: TableProps<T>;
  columns: TableColumnType<T>[];
  record: T;
  index: number;
  /** The row's key, on the card as antd puts it on a table row (`data-row-key`), for finding a row either way. */
  rowKey: string;
}) {
  const [first, ...rest] = columns;
  const attributes = props.onRow?.(record, index) ?? {};
  const className =
    typeof props.rowClassName === 'function' ? props.rowClassName(record, index, 0) : props.rowClassName;
  return (
    <div
      data-row-key={rowKey}
      {...attributes}
      className={[attributes.className, className].filter(Boolean).join(' ')}
    >
      <Card size="small" styles={{ body: { padding: '8px 12px' } }}>
        {first && (
          <div style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{cellOf(first, record, index)}</div>
        )}
        {rest.map((column, i) => {
          const content = cellOf(column, record, index);
          if (content === null || content === undefined || content === '') return null;
          const label = typeof column.title === 'function' ? null : column.title;
          return (
            <Flex
              key={String(column.key ?? column.dataIndex ?? i)}
              gap={8}
              style={{ marginTop: 4, minWidth: 0 }}
            >
              {label && (
                <Typography.Text type="secondary" style={{ flex: '0 0 auto', maxWidth: '40%' }}>
                  {label}
                </Typography.Text>
              )}
              <div style={{ flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' }}>{content}</div>
            </Flex>
          );
        })}
      </Card>
    </div>
  );
}

/** The table's empty text (a node, or a function of it as antd allows). */
function emptyText(text: NonNullable<TableProps<AnyRecord>['locale']>['emptyText']): ReactNode {
  const node = typeof text === 'function' ? text() : text;
  return node ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}

/** The rows as a column of cards, a page at a time when the table would page them. */
function CardList<T extends AnyRecord>(props: TableProps<T>) {
  const [page, setPage] = useState(1);
  const columns = (props.columns ?? []).filter(isLeaf);
  const rows = props.dataSource ?? [];
  const pageSize = props.pagination ? (props.pagination.pageSize ?? 10) : rows.length || 1;
  const shown = props.pagination ? rows.slice((page - 1) * pageSize, page * pageSize) : rows;
  const loading =
    typeof props.loading === 'object' ? (props.loading.spinning ?? true) : Boolean(props.loading);
  const testId = (props as { 'data-testid'?: string })['data-testid'];
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} style={{ padding: 4 }} data-testid={testId} data-layout="cards">
        {rows.length === 0 && !loading
          ? emptyText(props.locale?.emptyText)
          : shown.map((record, i) => {
              const index = (page - 1) * (props.pagination ? pageSize : 0) + i;
              return (
                <RowCard<T>
                  key={keyOf(props.rowKey, record, index)}
                  rowKey={keyOf(props.rowKey, record, index)}
                  props={props}
                  columns={columns}
                  record={record}
                  index={index}
                />
              );
            })}
        {props.pagination && rows.length > pageSize && (
          <Pagination simple current={page} pageSize={pageSize} total={rows.length} onChange={setPage} />
        )}
      </Flex>
    </Spin>
  );
}

/**
 * A table on a wide screen, a column of cards below antd's `md` (768 px), where a table's columns
 * would push the page sideways. Takes a Table's props; the cards read the same columns (the first
 * as the title, the others as label and value) and the same onRow attributes (test ids, clicks).
 */
export function ResponsiveTable<T extends AnyRecord>(props: TableProps<T>) {
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined: a table, as on a wide screen.
  if (screens.md === false) return <CardList<T> {...props} />;
  return <Table<T> {...props} />;
}
