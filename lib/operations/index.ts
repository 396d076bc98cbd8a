/** Every guarded operation, so tests (and the API description) can enumerate them. */
export * from './api-tokens';
export * from './articles';
export * from './digest';
export * from './users';
export * from './imports';
export * from './stories';
export * from './overview';
export * from './article-page';
export * from './export';
