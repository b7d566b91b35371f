/**
 * TextDecoder exists in Node and in browsers but is not part of the ES library typings that
 * shared/ compiles against, so it is reached through globalThis with the little we use.
 */
export interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderCtor = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

export function textDecoder(
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
): TextDecoderLike {
  const Ctor = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;
  return new Ctor(label, options);
}
