// Starts a TypeScript worker thread: workers do not inherit tsx's loader from
// the parent, so register it here and then import the real entry point.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
