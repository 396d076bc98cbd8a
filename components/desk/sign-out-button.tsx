'use client';

import { signOut } from 'next-auth/react';
import '@/lib/schemas/zod-in-the-browser';

export function SignOutButton() {
  return (
    <button type="button" className="secondary" onClick={() => void signOut({ callbackUrl: '/signin' })}>
      Sign out
    </button>
  );
}
