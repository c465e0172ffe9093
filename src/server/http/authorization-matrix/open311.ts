import type { MatrixRows } from './types.js';

/** Open311 GeoReport v2 (public by design; API keys checked inside). */
export const OPEN311_ROUTES: MatrixRows = {
  'GET /open311/v2/discovery.json': { access: 'public', target: 'none' },
  'GET /open311/v2/services.json': { access: 'public', target: 'none' },
  'GET /open311/v2/requests.json': { access: 'public', target: 'none' },
  'GET /open311/v2/discovery.xml': { access: 'public', target: 'none' },
  'GET /open311/v2/services.xml': { access: 'public', target: 'none' },
  'GET /open311/v2/requests.xml': { access: 'public', target: 'none' },
  'POST /open311/v2/requests.:format': { access: 'public', target: 'none' },
  'GET /open311/v2/services/:file': { access: 'public', target: 'none' },
  'GET /open311/v2/requests/:file': { access: 'public', target: 'none' },
};
