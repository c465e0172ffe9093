import enUS from 'antd/locale/en_US';
import { en } from './en';

/**
 * Everything the app needs to speak English: its own words and antd's. Loaded only when English
 * is chosen, so a first visit in Chinese (the default) does not download it (issue 16's first load).
 */
export const english = { messages: en, antdLocale: enUS };
