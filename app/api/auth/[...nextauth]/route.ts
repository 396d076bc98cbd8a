import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/auth-options';
import { authRequestRefusal, CALLBACK_URL_COOKIES } from '@/lib/auth/auth-request-refusal';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's handler, behind a check that turns what would be its 500s into 400s. */
async function handle(request: NextRequest, context: Context) {
  const refusal = authRequestRefusal(request.nextUrl, (name) => request.cookies.get(name)?.value);
  if (refusal) {
    const headers = new Headers({ 'Cache-Control': 'no-store' });
    // A bad callback-url cookie would refuse every later request too: clear it.
    for (const name of CALLBACK_URL_COOKIES) {
      if (request.cookies.has(name)) headers.append('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    }
    return Response.json({ error: refusal }, { status: 400, headers });
  }
  return handler(request, context);
}

export { handle as GET, handle as POST };
