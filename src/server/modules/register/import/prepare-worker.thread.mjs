// The entry of the import's preparation thread. A worker thread starts without the parent's
// module hooks, so it registers tsx itself before loading the TypeScript it runs.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.thread.ts');
