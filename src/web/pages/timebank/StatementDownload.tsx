import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { DownloadedFile } from '../../api/client';
import type { StatementFormat } from '../../api/timebank';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { ZONE } from '../../lib/time';

interface Props {
  /** Fetches the statement of a month (`YYYY-MM`) in a format. */
  fetch: (month: string, format: StatementFormat) => Promise<DownloadedFile>;
  /** What a failed download does first (the portal sends an ended session to its sign-in). */
  onError?: (error: unknown) => boolean;
  block?: boolean;
}

/**
 * A month and the two files of its statement (对账单): an Excel workbook and a PDF. Months still
 * to come cannot be picked (the server refuses them too).
 */
export function StatementDownload({ fetch, onError, block }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().tz(ZONE));
  const save = useMutation({
    mutationFn: (format: StatementFormat) => fetch(month.format('YYYY-MM'), format),
    onSuccess: saveFile,
    onError: (error) => {
      if (!onError?.(error)) void message.error(errorMessage(error, t));
    },
  });
  const button = (format: StatementFormat) => (
    <Button
      icon={format === 'xlsx' ? <FileExcelOutlined /> : <FilePdfOutlined />}
      loading={save.isPending && save.variables === format}
      onClick={() => save.mutate(format)}
      style={block ? { flex: 1, height: 44 } : {}}
      data-testid={`timebank-statement-${format}`}
    >
      {format === 'xlsx' ? t('timebank.statementExcel') : t('timebank.statementPdf')}
    </Button>
  );
  return (
    <Flex gap={8} wrap align="center" data-testid="timebank-statement">
      <DatePicker
        picker="month"
        allowClear={false}
        value={month}
        onChange={(value) => value && setMonth(value)}
        disabledDate={(date) => date.isAfter(dayjs(), 'month')}
        inputReadOnly
        aria-label={t('timebank.statementMonth')}
        style={block ? { width: '100%', height: 44 } : { width: 130 }}
        data-testid="timebank-statement-month"
      />
      {button('xlsx')}
      {button('pdf')}
    </Flex>
  );
}
