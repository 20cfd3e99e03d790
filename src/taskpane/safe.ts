/** Adapters promise never to throw; if one does anyway, the user still gets a sentence. */
import type { Refused } from '../core';

export async function safe<T extends { ok: boolean }>(
  run: () => Promise<T>,
): Promise<T | (Refused & { readonly reason: 'office' })> {
  try {
    return await run();
  } catch (e) {
    return {
      ok: false,
      reason: 'office',
      message: `Unexpected error from the workbook: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
