/** Whether this instance is shutting down (set on SIGTERM, read by the health check). */
const state = globalThis as typeof globalThis & { __newsdeskDraining?: boolean };

export function markDraining(): void {
  state.__newsdeskDraining = true;
}

export function isDraining(): boolean {
  return state.__newsdeskDraining === true;
}
