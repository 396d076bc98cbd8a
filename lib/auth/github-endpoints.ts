/**
 * Where GitHub sign-in talks to: github.com by default, a GitHub Enterprise
 * Server through GITHUB_URL and GITHUB_API_URL (`https://github.example.com`
 * and `https://github.example.com/api/v3`).
 */
import { z } from 'zod';

const ZBase = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

function base(name: 'GITHUB_URL' | 'GITHUB_API_URL', fallback: string): string {
  const value = process.env[name];
  if (!value) return fallback;
  const parsed = ZBase.safeParse(value);
  if (!parsed.success) throw new Error(`${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}: "${value}"`);
  return parsed.data.replace(/\/+$/, '');
}

export function githubEndpoints() {
  const web = base('GITHUB_URL', 'https://github.com');
  const api = base('GITHUB_API_URL', 'https://api.github.com');
  return {
    authorization: `${web}/login/oauth/authorize`,
    token: `${web}/login/oauth/access_token`,
    userinfo: `${api}/user`,
  };
}

/** A GitHub account id as GitHub sends it (a number), as we store it. */
export const ZGitHubId = z.string({ error: 'is required' }).regex(/^[1-9]\d{0,19}$/, { error: 'must be a GitHub account id' });
