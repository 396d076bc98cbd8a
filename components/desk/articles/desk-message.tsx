'use client';

export type DeskMessage = { kind: 'ok' | 'error'; text: string; undoBatchId?: string };

/** What the last action did, announced to screen readers, with an Undo for bulk changes. */
export function DeskMessageLine({
  message,
  onUndo,
  busy,
}: {
  message: DeskMessage | null;
  onUndo: (batchId: string) => void;
  busy: boolean;
}) {
  return (
    <div role="status" aria-live="polite" className={`desk-message ${message?.kind ?? ''}`}>
      {message ? (
        <>
          {message.text}{' '}
          {message.undoBatchId ? (
            <button type="button" className="secondary" onClick={() => onUndo(message.undoBatchId!)} disabled={busy}>
              Undo
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
