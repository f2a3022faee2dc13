/**
 * The suggest-an-edit proof of work, in the browser: find a nonce so that SHA-256 of
 * `<challenge><nonce>` starts with `bits` zero bits (directory/suggest.ts checks it). Hashing is Web Crypto's
 * (crypto.subtle.digest); the loop yields to the page every batch so the form stays responsive
 * and can show progress.
 */

function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

export async function meetsDifficulty(
  challenge: string,
  nonce: string,
  difficulty: number,
): Promise<boolean> {
  return leadingZeroBits(await sha256(`${challenge}:${nonce}`)) >= difficulty;
}

export async function solveChallenge(
  challenge: string,
  bits: number,
  {
    onProgress,
    signal,
    batch = 256,
  }: { onProgress?: (tries: number) => void; signal?: AbortSignal; batch?: number } = {},
): Promise<string> {
  for (let nonce = 0; ; nonce += 1) {
    if (await meetsDifficulty(challenge, nonce.toString(36), bits)) return nonce.toString(36);
    if (nonce % batch === batch - 1) {
      signal?.throwIfAborted();
      onProgress?.(nonce + 1);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}
