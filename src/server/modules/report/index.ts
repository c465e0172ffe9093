/**
 * What other code may use of this module (the article report).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export { articleReport } from './article-report.js';
export { formatArticleTable } from './article-table.js';
export { reportRoutes } from './report.routes.js';
