import { guardResponse } from '@/lib/auth/guard';
import { undo } from '@/lib/operations';

export const dynamic = 'force-dynamic';

/** POST /api/desk/batches/{id}/undo: undo a bulk change, skipping articles changed again since. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return guardResponse(await undo({ batchId: (await params).id }, { request }));
}
