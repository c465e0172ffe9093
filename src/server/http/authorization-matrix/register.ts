import { reason } from './sample-bodies.js';
import type { MatrixRows } from './types.js';

/** The register: persons, households, imports. */
export const REGISTER_ROUTES: MatrixRows = {
  'GET /api/tags': { access: 'person.read', target: 'none' },
  'GET /api/persons': {
    access: 'person.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/persons/:id': { access: 'person.read', target: 'person' },
  'POST /api/persons/:id/reveal': {
    access: 'person.reveal',
    target: 'person',
    body: () => ({ field: 'phone', ...reason }),
  },
  'PATCH /api/persons/:id': { access: 'person.write', target: 'person', body: () => ({ note: '矩阵' }) },
  'PUT /api/persons/:id/health': {
    access: 'person.write',
    target: 'person',
    body: () => ({ conditions: '高血压', doctorContact: '社区医生', lastCheckup: '' }),
  },
  'POST /api/persons/:id/anonymize': {
    access: 'person.write',
    target: 'person',
    consumes: true,
    body: () => reason,
  },
  'POST /api/persons/:id/subject-export': { access: 'person.reveal', target: 'person', body: () => reason },
  'POST /api/persons/export': {
    access: 'person.export',
    target: 'none',
    body: (ids) => ({ region: ids.region }),
    scopedBy: 'body',
  },
  'GET /api/households/:id': { access: 'person.read', target: 'household' },
  'GET /api/households/:id/neighbours': { access: 'person.read', target: 'household' },
  'GET /api/regions/:code/neighbour-map': { access: 'person.read', target: 'region' },
  'GET /api/imports/template': { access: 'person.import', target: 'none' },
  'POST /api/imports': { access: 'person.import', target: 'none' },
  'GET /api/imports': { access: 'person.import', target: 'none' },
  'GET /api/imports/:id': { access: 'person.import', target: 'import_job' },
  'GET /api/imports/:id/report': { access: 'person.import', target: 'import_job' },
};
