import { guardResponse } from '@/lib/auth/guard';
import { undo } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/** POST /api/desk/changes/{id}/undo: put the field back (refused if it changed again since). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return guardResponse(await undo({ changeId: (await params).id }, { request }));
}
