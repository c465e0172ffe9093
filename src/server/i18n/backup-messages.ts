/** Messages of backup and restore (merged into `messages`); the CLI prints them in Chinese. */
export const backupMessages = {
  'backup.unreadable': { zh: '无法读取备份文件 {file}', en: 'Cannot read the backup file {file}' },
  'backup.not_a_backup': { zh: '{file} 不是连心的备份文件', en: '{file} is not a Lianxin backup' },
  'backup.damaged': {
    zh: '备份文件 {file} 不完整或已损坏（校验和不符），未做任何恢复',
    en: 'The backup {file} is incomplete or damaged (checksum mismatch); nothing was restored',
  },
  'backup.wrong_dialect': {
    zh: '这是 {backup} 数据库的备份，不能恢复到 {target} 数据库',
    en: 'This is a backup of a {backup} database; it cannot be restored into {target}',
  },
  'backup.newer_schema': {
    zh: '备份来自更新的版本（本程序不认识的迁移：{migrations}），请先升级程序再恢复',
    en: 'The backup comes from a newer version (migrations this code does not know: {migrations}); upgrade first',
  },
  'backup.other_key': {
    zh: '备份使用的是另一把数据密钥：请先放回备份时的密钥（数据目录中的 lianxin.key 或 LIANXIN_DATA_KEY），否则个人数据无法读取',
    en: 'The backup was made under another data key: put back that key (lianxin.key in the data directory or LIANXIN_DATA_KEY) first, or its personal data cannot be read',
  },
  'backup.target_not_empty': {
    zh: '目标数据库不是空的；确认要用备份覆盖它，请先停止服务，再加 --force',
    en: 'The target database is not empty; to overwrite it with the backup, stop the server and add --force',
  },
  'backup.tool_missing': {
    zh: '找不到 {tool}，请安装 PostgreSQL 客户端工具',
    en: '{tool} was not found; install the PostgreSQL client tools',
  },
  'backup.tool_failed': { zh: '{tool} 失败：{detail}', en: '{tool} failed: {detail}' },
} as const;
