import type { zhOpen311 } from './zh.open311';

/** English UI strings of the open311 pages (spread into en.ts). */
export const enOpen311: Record<keyof typeof zhOpen311, string> = {
  'nav.open311': 'Open311 keys',
  'open311.title': 'Open311 API keys',
  'open311.create': 'Create key',
  'open311.name': 'Name',
  'open311.nameHint': 'The system or app that uses the key, e.g. “12345 hotline link”',
  'open311.nameRequired': 'Enter a name',
  'open311.region': 'Unit',
  'open311.regionHint': 'Requests submitted with this key become work orders of this unit',
  'open311.regionRequired': 'Choose a unit',
  'open311.prefix': 'Key prefix',
  'open311.createdAt': 'Created',
  'open311.status': 'Status',
  'open311.active': 'Active',
  'open311.revokedAt': 'Revoked {time}',
  'open311.revoke': 'Revoke',
  'open311.revokeConfirm': 'Revoke the key of “{name}”?',
  'open311.revokeHint': 'Requests submitted with it will be refused; this cannot be undone.',
  'open311.revoked': 'The key of “{name}” is revoked',
  'open311.empty': 'No keys yet',
  'open311.endpoint': 'GeoReport v2 endpoint',
  'open311.endpointHint':
    'Reading services and requests needs no key; submitting (POST requests.json / requests.xml) needs an api_key. Service discovery: discovery.json',
  'open311.issuedTitle': 'Key of “{name}”',
  'open311.issuedWarning':
    'The key is shown this once: copy it now and keep it safe. Only a digest is stored; it cannot be shown again.',
  'open311.issuedDone': 'I have saved it',
  'open311.copy': 'Copy',
  'open311.copied': 'Copied',
  'open311.usage': 'Usage',
  'open311.usageHint': 'Send it as the form field api_key when submitting a request',
};
