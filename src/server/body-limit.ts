/**
 * Refuses oversized POST bodies before anything parses them. The RSVP form is a few hundred bytes; 16 KB leaves
 * room for long Chinese names and school names many times over.
 */
export const MAX_BODY_BYTES = 16 * 1024;

/** True when the body is larger than `limit` bytes, whether or not the client declared its length. */
export async function bodyTooLarge(request: Request, limit: number = MAX_BODY_BYTES): Promise<boolean> {
  const declared = request.headers.get('content-length');
  if (declared !== null) return !(Number(declared) <= limit);
  if (!request.body) return false;
  // Chunked upload: count the bytes of a copy, stopping as soon as the limit is passed.
  const reader = request.clone().body!.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return true;
    }
  }
}
