/** Sample request bodies' pieces shared by several modules' matrix rows. */

/** This month in Beijing, as a transfer's dues month. */
export const beijingMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);

/** A reason good enough for routes that reveal or export personal data. */
export const reason = { reason: '核对户籍信息，居民本人来电要求' };
