// One tensor of a safetensors file: its name, type, shape and bytes (a view into the mapped file).
package dev.reason2decide.model.safetensors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/** A tensor as stored: little-endian bytes, row-major. */
public record TensorEntry(Path file, String name, DType dtype, long[] shape, ByteBuffer bytes) {

  /** Number of elements. */
  public long numel() {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  /** The values widened to float (F32, F16, BF16, F64 and integer types). */
  public float[] toFloats() {
    long n = numel();
    if (n > Integer.MAX_VALUE) {
      throw new CheckpointException(file, name, "has " + n + " elements, more than one Java array holds");
    }
    requireMapped(n);
    float[] out = new float[(int) n];
    ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    switch (dtype) {
      case F32 -> b.asFloatBuffer().get(out);
      case F16 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = halfToFloat(b.getShort(2 * i));
        }
      }
      case BF16 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = Float.intBitsToFloat((b.getShort(2 * i) & 0xffff) << 16);
        }
      }
      case F64 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) b.getDouble(8 * i);
        }
      }
      case I64 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.getLong(8 * i);
        }
      }
      case I32 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.getInt(4 * i);
        }
      }
      default -> throw new CheckpointException(file, name, "dtype " + dtype + " cannot be read as float");
    }
    return out;
  }

  /** The values as longs (integer tensors such as input ids). */
  public long[] toLongs() {
    long n = numel();
    requireMapped(n);
    long[] out = new long[(int) n];
    ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    switch (dtype) {
      case I64 -> b.asLongBuffer().get(out);
      case I32 -> {
        for (int i = 0; i < out.length; i++) {
          out[i] = b.getInt(4 * i);
        }
      }
      default -> throw new CheckpointException(file, name, "expected an integer tensor, found " + dtype);
    }
    return out;
  }

  private void requireMapped(long n) {
    if (n > 0 && bytes.capacity() == 0) {
      throw new CheckpointException(file, name, "is larger than 2 GiB in one tensor, which cannot be read into one "
          + "Java array; split it across tensors");
    }
  }

  /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
  static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      if (mant == 0) {
        return Float.intBitsToFloat(sign);
      }
      float v = mant / 1024f / 16384f; // subnormal: mant * 2^-24
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  @Override
  public String toString() {
    return name + " " + dtype + Arrays.toString(shape);
  }
}
