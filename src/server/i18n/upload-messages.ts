/** Messages about uploaded files: their wire format and the limits every reader keeps (merged into `messages`). */
export const uploadMessages = {
  'request.malformed_multipart': {
    zh: '上传的表单（multipart）格式有误或不完整，请重新上传',
    en: 'The uploaded form (multipart) is malformed or incomplete; upload it again',
  },
  'import.too_many_rows': {
    zh: '文件超过 {max} 行，请拆分后分批导入',
    en: 'The file has more than {max} rows; split it and import the parts',
  },
  'import.too_many_columns': {
    zh: '文件的单元格 {cell} 超出第 {max} 列，请只保留模板中的列',
    en: 'Cell {cell} lies beyond column {max}; keep only the template’s columns',
  },
  'import.bad_cell_reference': {
    zh: '文件中的单元格引用 {cell} 无效',
    en: 'The file has an invalid cell reference {cell}',
  },
  'import.cell_too_long': {
    zh: '第 {row} 行有单元格超过 {max} 个字符',
    en: 'Row {row} has a cell longer than {max} characters',
  },
  'import.too_many_strings': {
    zh: '文件中的文本过多（超过 {max} 项或总长度超限），无法导入',
    en: 'The file holds too much text (more than {max} strings, or too long in all) to import',
  },
  'import.too_large_unpacked': {
    zh: '文件解压后过大或压缩比异常（{entry}），不是正常的表格文件',
    en: 'The file unpacks too large or compresses abnormally ({entry}); it is not an ordinary spreadsheet',
  },
  'import.unreadable': {
    zh: '无法读取该文件：它不是有效的 .xlsx 或 .csv 表格',
    en: 'The file cannot be read: it is not a valid .xlsx or .csv spreadsheet',
  },
  'import.more_problems': {
    zh: '另有 {count} 行错误未列出（仅列出前 {listed} 行）',
    en: '{count} more bad rows are not listed (only the first {listed} are)',
  },
  'boundaries.too_large': {
    zh: '边界文件过大（超过 {megabytes} MB 或 {max} 个坐标点）',
    en: 'The boundary file is too large (over {megabytes} MB or {max} positions)',
  },
} as const;
