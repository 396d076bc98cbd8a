import type { DefaultSession } from 'next-auth';
import type { TRole } from '@/lib/auth/roles';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: TRole; mustChangePassword?: boolean } & DefaultSession['user'];
  }
  interface User {
    role?: TRole;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    id?: string;
    role?: TRole;
    /** The user's session version when this session was issued (lib/auth/auth-options.ts). */
    sv?: number;
    mustChangePassword?: boolean;
  }
}
