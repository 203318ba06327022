// Element types that may appear in a safetensors file, with their sizes in bytes.
package dev.reason2decide.model.safetensors;

/** A safetensors element type. Half-precision types are widened to F32 when read. */
public enum DType {
  F64(8), F32(4), F16(2), BF16(2), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

  public final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** Parses a safetensors dtype name, or returns null when it is unknown. */
  public static DType parse(String name) {
    for (DType d : values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }
}
