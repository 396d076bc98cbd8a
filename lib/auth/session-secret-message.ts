export const MISSING_SECRET_MESSAGE =
  'NEXTAUTH_SECRET is not set. Sessions cannot be signed without it. Generate one with ' +
  '`openssl rand -base64 32` and give every app instance the same value (environment or .env.local).';
