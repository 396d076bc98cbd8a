import type { TestProject } from 'vitest/node';
import { createTemplateDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const template = await createTemplateDatabase();
  project.provide('templateDatabaseUrl', template.url);
  return template.remove;
}
